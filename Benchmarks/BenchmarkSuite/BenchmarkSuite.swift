// Replaced by the benchmark work (issue 6).
