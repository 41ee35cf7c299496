// The `ridgelasso` executable: runs the command line and exits with its status.
// All parsing, error reporting and output happens in `CommandLineRunner`.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(CommandLineRunner.run(Array(CommandLine.arguments.dropFirst())))
