# Calibration and backtest of the flagship (issue 5): the shipped posterior
# is what `brink calibrate` produces with the default budget and seed, and
# the calibrated flagship meets the acceptance figures (label slow).
add_test(NAME calib.flagship_posterior
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/calib_flagship.sh $<TARGET_FILE:brink>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(calib.flagship_posterior PROPERTIES LABELS slow TIMEOUT 900)
