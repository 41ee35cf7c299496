// The `ridgelasso` executable: runs the command line and exits with its status.
// All parsing, error reporting and output happens in `CommandLineRunner`; first the standard
// streams are made safe to write (SIGPIPE ignored, closed descriptors reserved) and a signal that
// ends the run removes any temporary output file.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RidgeLassoPlots

import LinearAlgebra

// Before anything else: OpenBLAS chose its kernels when it loaded; on a CPU it does not know,
// start once more with the best kernels known to be correct (see `ridgelasso blas --help`).
BLASLibrary.reexecuteWithBetterKernelsIfNeeded()

StandardStreams.prepare()
TemporaryFiles.installSignalCleanup()
exit(CommandLineRunner.run(Array(CommandLine.arguments.dropFirst())))
