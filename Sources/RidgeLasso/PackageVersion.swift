/// RidgeLasso's release, as `ridgelasso --version` prints it (semantic versioning).
public let ridgeLassoVersion = "0.6.0"
