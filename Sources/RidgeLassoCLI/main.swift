// The `ridgelasso` executable: runs the command line and exits with its status.
// All parsing, error reporting and output happens in `CommandLineRunner`.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import LinearAlgebra

// Before anything else: OpenBLAS chose its kernels when it loaded; on a CPU it does not know,
// start once more with the best kernels known to be correct (see `ridgelasso blas --help`).
BLASLibrary.reexecuteWithBetterKernelsIfNeeded()

exit(CommandLineRunner.run(Array(CommandLine.arguments.dropFirst())))
