// The one helper ModelFile.swift takes from the CLI's Design.swift (which needs the rest of the
// CLI): quoting user text in messages, as CSVError does.
import RidgeLassoCSV

func quoted(_ name: String) -> String { CSVError.quoted(name) }
