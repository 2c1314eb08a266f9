/*
 * brink/brink.h - the umbrella header of libbrink, the only supported include.
 *
 * libbrink simulates and forecasts nuclear crisis bargaining among states.
 * Modules:
 *   version.h   the version of the headers and of the library (BRINK_CHECK_VERSION)
 *   export.h    BRINK_API, the mark of an exported function
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
#include "brink/record.h"
#include "brink/baseline.h"
#include "brink/smc.h"
#include "brink/stepper.h"
#include "brink/rolling.h"
#include "brink/play.h"

#endif
