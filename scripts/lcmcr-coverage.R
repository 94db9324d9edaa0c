# The same coverage tables through R's LCMCR, to tell the model's misses from Polon's.
# Polon writes the tables:  npx tsx scripts/lcmcr-coverage.ts 200 2 10000 2000 10 tables.json
# then, where R, LCMCR (CRAN) and jsonlite are installed:
#   Rscript scripts/lcmcr-coverage.R tables.json [burnin=10000] [samples=2000] [thin=10]
# Prints a line a table (R's median and 95% interval beside Polon's) and the share covered.
suppressPackageStartupMessages({
  library(LCMCR)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
tables <- fromJSON(args[1], simplifyVector = FALSE)
burnin <- if (length(args) >= 2) as.integer(args[2]) else 10000L
samples <- if (length(args) >= 3) as.integer(args[3]) else 2000L
thin <- if (length(args) >= 4) as.integer(args[4]) else 10L
covered <- 0L
polon_missed <- 0L
both_missed <- 0L
disagree <- character(0)
cat("table  true N  R median  R 95% interval   covered  Polon median  Polon 95% interval  Polon covered\n")
for (t in tables) {
  lists <- unlist(t$lists)
  patterns <- names(t$histories)
  counts <- as.integer(unlist(t$histories))
  # One row a pattern, the lists as two-level factors, the count last (tabular = TRUE).
  rows <- lapply(patterns, function(p) strsplit(p, "")[[1]])
  df <- as.data.frame(do.call(rbind, rows), stringsAsFactors = FALSE)
  names(df) <- lists
  for (l in lists) df[[l]] <- factor(df[[l]], levels = c("0", "1"))
  df$Freq <- counts
  # lcmCR's C++ warm-up prints "WARMING UP..." even with verbose = FALSE: keep it out of the table.
  invisible(capture.output(
    sampler <- lcmCR(captures = df, tabular = TRUE, in_list_label = "1", not_in_list_label = "0",
                     K = 10, a_alpha = 0.25, b_alpha = 0.25, seed = as.integer(t$table), verbose = FALSE)))
  N <- lcmCR_PostSampl(sampler, burnin = burnin, samples = samples, thinning = thin,
                       output = FALSE)
  q <- quantile(N, c(0.025, 0.5, 0.975))
  trueN <- as.numeric(t$trueN)
  hit <- q[[1]] <= trueN && trueN <= q[[3]]
  lo <- as.numeric(t$polon$ci95[[1]]); hi <- as.numeric(t$polon$ci95[[2]])
  phit <- lo <= trueN && trueN <= hi
  if (hit) covered <- covered + 1L
  if (!phit) polon_missed <- polon_missed + 1L
  if (!phit && !hit) both_missed <- both_missed + 1L
  line <- sprintf("%5d  %6d  %8.0f  %6.0f-%-8.0f  %-7s  %12.0f  %8.0f-%-9.0f  %s", as.integer(t$table),
                  as.integer(trueN), q[[2]], q[[1]], q[[3]], if (hit) "yes" else "NO",
                  as.numeric(t$polon$median), lo, hi, if (phit) "yes" else "NO")
  if (hit != phit) disagree <- c(disagree, line)
  cat(line, "\n", sep = "")
  flush(stdout())
}
cat(sprintf("\nR's LCMCR covered %d of %d (%.0f%%)\n", covered, length(tables),
            100 * covered / length(tables)))
cat(sprintf("Polon missed %d; R also missed %d of those\n", polon_missed, both_missed))
cat(sprintf("Tables where R and Polon disagree about coverage: %d\n", length(disagree)))
if (length(disagree)) cat(disagree, sep = "\n")
