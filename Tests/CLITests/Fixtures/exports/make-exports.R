# The real exports the CLI tests read, and their hand-cleaned numeric twins.
# Regenerate from this directory with:  Rscript make-exports.R && python3 make-exports.py
# (R's base `datasets` only; the written files are committed, so the tests need neither R nor Python.)

# As R users write them: row names in a first column under an empty header cell, quoted text.
write.csv(mtcars, "mtcars.csv")                  # numeric; car names as row names
write.csv(airquality, "airquality.csv")          # NA in Ozone and Solar.R
write.csv(iris, "iris.csv")                      # categorical Species
write.csv2(mtcars, "mtcars_csv2.csv")            # ';' separated, decimal commas

# Hand-cleaned: no row names, only numbers.
write.csv(mtcars, "mtcars_clean.csv", row.names = FALSE)
write.csv(na.omit(airquality), "airquality_clean.csv", row.names = FALSE)
# iris with Species one-hot encoded by hand, all three levels (the CLI's full one-hot), named
# as the CLI names indicators: Species=level.
clean <- iris[, 1:4]
for (level in levels(iris$Species)) clean[[paste0("Species=", level)]] <- as.integer(iris$Species == level)
write.csv(clean, "iris_clean.csv", row.names = FALSE)
# New rows for predict: only two of the three levels, and one row with a level never seen.
write.csv(iris[c(1, 2, 51, 52), ], "iris_new.csv")
unknown <- iris[c(1, 51), ]
unknown$Species <- as.character(unknown$Species)
unknown$Species[2] <- "unknown"
write.csv(unknown, "iris_unknown.csv")
# A logical column: write.csv writes TRUE/FALSE, which the CLI reads as 1/0 (mtcars_clean.csv's am).
logical <- mtcars
logical$am <- logical$am == 1
write.csv(logical, "mtcars_logical.csv")
