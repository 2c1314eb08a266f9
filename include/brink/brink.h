/*
 * brink/brink.h - the umbrella header of libbrink, the only supported include.
 *
 * libbrink simulates and forecasts nuclear crisis bargaining among states.
 * Modules:
 *   core.h      status codes, the context, allocation, located diagnostics
 *   rng.h       counter-based random streams keyed by (seed, point, rep, stream)
 *   scenario.h  scenario files: strict loading, validation and overrides
 *   forecast.h  multi-actor bargaining forecasts (KTAB SMP, BDM, compromise, median)
 *   game.h      strategic and extensive games: Gambit files, equilibrium solvers
 *   sim.h       the time-stepped crisis simulation and its ensembles
 *   report.h    HTML reports and SVG figures of result directories
 *   experiment.h experiments: designs, sweeps, result store, sensitivity analysis
 *   calib.h     proper scoring rules and naive baselines (backtest, calibration)
 */
#ifndef BRINK_BRINK_H
#define BRINK_BRINK_H

#include "brink/core.h"
#include "brink/outdir.h"
#include "brink/rng.h"
#include "brink/scenario.h"
#include "brink/forecast.h"
#include "brink/game.h"
#include "brink/sim.h"
#include "brink/report.h"
#include "brink/experiment.h"
#include "brink/calib.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The library's version string, e.g. "0.1.0". */
const char *brink_version(void);

#ifdef __cplusplus
}
#endif
#endif
