# brink.R - the R interface to libbrink: the same core functions as the
# command line and the Python package, returning data frames.

input_error <- function(d, what) {
    msg <- paste(d$text, collapse = "\n")
    if (!nzchar(msg)) msg <- what
    cond <- structure(class = c("brink_input_error", "error", "condition"),
                      list(message = msg, call = NULL,
                           file = if (length(d$file)) d$file[1] else NA_character_,
                           line = if (length(d$line)) d$line[1] else NA_integer_,
                           column = if (length(d$column)) d$column[1] else NA_integer_,
                           path = if (length(d$path)) d$path[1] else NA_character_,
                           diagnostics = as.data.frame(d[c("file", "line", "column", "path",
                                                           "message")])))
    stop(cond)
}

sets_vector <- function(set) {
    if (is.null(set)) return(character(0))
    if (is.list(set) || !is.null(names(set)))
        return(paste0(names(set), "=", vapply(set, function(v) {
            if (is.logical(v)) tolower(as.character(v)) else format(v, digits = 17)
        }, "")))
    as.character(set)
}

month_index <- function(until) {
    if (is.null(until)) return(-1L)
    if (!grepl("^[0-9]{4}-[0-9]{2}$", until)) stop("until must be a month YYYY-MM")
    y <- as.integer(substr(until, 1, 4)); m <- as.integer(substr(until, 6, 7))
    if (m < 1 || m > 12) stop("until must be a month YYYY-MM")
    y * 12L + m - 1L
}

brink_version <- function() .Call(rbrink_version)

brink_load <- function(path, set = NULL) {
    r <- .Call(rbrink_load, path.expand(path), sets_vector(set))
    if (is.list(r)) input_error(r, paste("cannot load", path))
    structure(list(ptr = r, path = path), class = "brink_scenario")
}

brink_validate <- function(path, set = NULL) {
    r <- .Call(rbrink_load, path.expand(path), sets_vector(set))
    if (!is.list(r)) return(character(0))
    r$text
}

brink_scenario_get <- function(scenario, path) .Call(rbrink_get, scenario$ptr, path)

as_scenario <- function(scenario, set) {
    if (inherits(scenario, "brink_scenario")) {
        if (!is.null(set)) stop("set applies to a scenario path, not a loaded scenario")
        return(scenario)
    }
    brink_load(scenario, set)
}

brink_run <- function(scenario, seed = 1, run = 0L, until = NULL, set = NULL) {
    sc <- as_scenario(scenario, set)
    r <- .Call(rbrink_run, sc$ptr, as.numeric(seed), as.integer(run), month_index(until))
    list(events = read.csv(text = r$events, colClasses = c(cameo = "character"),
                           stringsAsFactors = FALSE, na.strings = character(0)),
         series = read.csv(text = r$series, stringsAsFactors = FALSE),
         narrative = r$narrative)
}

brink_ensemble <- function(scenario, runs = 1000L, seed = 1, threads = 0L, until = NULL,
                           set = NULL) {
    if (runs < 1) stop("runs must be at least 1")
    if (threads < 0 || threads > 1024) stop("threads must be in [0, 1024] (0: all cores)")
    sc <- as_scenario(scenario, set)
    r <- .Call(rbrink_ensemble, sc$ptr, as.integer(runs), as.numeric(seed),
               as.integer(threads), month_index(until))
    lapply(r, function(x) as.data.frame(x, stringsAsFactors = FALSE))
}

brink_solve <- function(game, method = "lcp", strategic = FALSE) {
    methods <- c("enumpure", "enummixed", "lcp", "lp", "logit", "spe")
    m <- match(method, methods)
    if (is.na(m)) stop("unknown method '", method, "'; expected one of ",
                       paste(methods, collapse = ", "))
    if (file.exists(game)) {
        text <- paste(readLines(game, warn = FALSE), collapse = "\n")
        name <- game
    } else {
        text <- game
        name <- "<string>"
    }
    r <- .Call(rbrink_solve, text, name, as.integer(m - 1L), as.integer(strategic))
    if (is.null(r$width)) input_error(r, paste("cannot read", name))
    w <- r$width
    n <- if (w > 0) length(r$values) %/% w else 0L
    off <- if (r$lambda) 1L else 0L
    player <- rep(seq_along(r$players), r$players)
    index <- unlist(lapply(r$players, seq_len))
    rows <- lapply(seq_len(n), function(i) {
        v <- r$values[(i - 1) * w + seq_len(w)]
        v <- v[(1 + off):w]
        data.frame(equilibrium = i, player = player, index = index, value = v,
                   prob = vapply(strsplit(v, "/"), function(x)
                       if (length(x) == 2) as.numeric(x[1]) / as.numeric(x[2])
                       else as.numeric(x[1]), 0), stringsAsFactors = FALSE)
    })
    out <- if (n) do.call(rbind, rows) else
        data.frame(equilibrium = integer(0), player = integer(0), index = integer(0),
                   value = character(0), prob = numeric(0))
    attr(out, "exact") <- r$exact
    out
}

brink_forecast <- function(path, ...) {
    opts <- list(...)
    r <- .Call(rbrink_forecast, path.expand(path), as.character(names(opts)),
               vapply(opts, as.character, ""))
    if (is.null(r$turn)) input_error(r, paste("cannot read", path))
    data.frame(turn = r$turn, actor = r$actors[r$actor], dimension = r$dimensions[r$dimension],
               position = r$position, prob = r$prob, stringsAsFactors = FALSE)
}

brink_sweep <- function(experiment, out, threads = 0L, resume = FALSE) {
    if (threads < 0 || threads > 1024) stop("threads must be in [0, 1024] (0: all cores)")
    r <- .Call(rbrink_sweep, path.expand(experiment), path.expand(out), as.integer(threads),
               as.logical(resume))
    if (is.list(r)) input_error(r, paste("cannot load", experiment))
    stats::setNames(r, c("total", "skipped", "done", "failed"))
}

brink_export <- function(out, table = "runs") {
    read.csv(text = .Call(rbrink_export, path.expand(out), table), stringsAsFactors = FALSE)
}
