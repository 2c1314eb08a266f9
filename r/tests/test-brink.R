# Tests of the R package: a game solve against its closed-form equilibria,
# and the flagship ensemble and one run against the brink command's output
# for the same seed (the model is being rewritten, so no model value is
# asserted: the two interfaces of one library must agree).
library(brink)

# Battle of the Sexes: (1,0;1,0), (0,1;0,1) and each player's favourite with 2/3
eq <- brink_solve('NFG 1 R "BoS" { "Row" "Column" } { 2 2 } 2 1 0 0 0 0 1 2',
                  method = "enummixed")
got <- sort(as.vector(tapply(eq$value, eq$equilibrium, paste, collapse = ",")))
stopifnot(identical(got, sort(c("1,0,1,0", "0,1,0,1", "2/3,1/3,1/3,2/3"))))
stopifnot(isTRUE(attr(eq, "exact")))

err <- tryCatch(brink_solve("NFG 1 R x", method = "lcp"), brink_input_error = function(e) e)
stopifnot(inherits(err, "brink_input_error"), err$line == 1, err$column > 0)

src <- Sys.getenv("BRINK_SOURCE_DIR")
cli <- Sys.getenv("BRINK_CLI")
if (nzchar(src) && nzchar(cli)) {
    korea <- file.path(src, "scenarios", "korea.yaml")
    out <- tempfile("brink")
    status <- system2(cli, c("run", korea, "--runs", "40", "--seed", "5", "--out", out),
                      stdout = FALSE)
    stopifnot(status == 0)
    json <- readLines(file.path(out, "summary.json"))
    ens <- brink_ensemble(korea, runs = 40, seed = 5, threads = 2)
    # the outcome probabilities as summary.json prints them (6 significant digits)
    for (i in seq_len(nrow(ens$outcomes))) {
        at <- grep(paste0('"', ens$outcomes$outcome[i], '": \\{'), json)
        p <- as.numeric(sub('.*"p": ([^,]*),.*', "\\1", json[at + 1]))
        stopifnot(length(at) == 1, signif(ens$outcomes$p[i], 6) == p)
    }
    stopifnot(abs(sum(ens$outcomes$p) - 1) < 1e-12)
    # the annual means, year by year
    for (k in unique(ens$annual_counts$count)) {
        at <- grep(paste0('^    "', k, '": \\{'), json)
        rows <- ens$annual_counts[ens$annual_counts$count == k, ]
        years <- grep('^      "[0-9]{4}": \\{', json)
        for (j in seq_len(nrow(rows))) {
            y <- years[years > at & grepl(paste0('"', rows$year[j], '"'), json[years])][1]
            stopifnot(!is.na(y), grepl('"mean"', json[y + 1]))
            stopifnot(signif(rows$mean[j], 6) ==
                      as.numeric(sub('.*"mean": ([^,]*),.*', "\\1", json[y + 1])))
        }
    }
    # one run: the same events and series as brink run --out
    out1 <- tempfile("brink")
    stopifnot(system2(cli, c("run", korea, "--seed", "3", "--until", "2014-12", "--out", out1),
                      stdout = FALSE) == 0)
    r <- brink_run(korea, seed = 3, until = "2014-12")
    ev <- read.csv(file.path(out1, "events.csv"), colClasses = c(cameo = "character"),
                   stringsAsFactors = FALSE, na.strings = character(0))
    stopifnot(identical(r$events, ev))
    stopifnot(isTRUE(all.equal(r$series, read.csv(file.path(out1, "series.csv")))))
    # overrides are validated like the file's
    e2 <- tryCatch(brink_load(korea, set = list("params.rivalry" = 7)),
                   brink_input_error = function(e) e)
    stopifnot(inherits(e2, "brink_input_error"), e2$file == "--set")
    stopifnot(brink_scenario_get(brink_load(korea, set = list("params.rivalry" = 0.6)),
                                 "params.rivalry") == 0.6)
}
