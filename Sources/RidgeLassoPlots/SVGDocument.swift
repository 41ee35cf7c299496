// Placeholder replaced by the plotting work (issue 5/6).
