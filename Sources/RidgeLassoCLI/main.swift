// Replaced by the CLI work (issue 5).
print("ridgelasso: not built yet")
