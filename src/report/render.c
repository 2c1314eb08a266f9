/* render.c - draws every chart of the payload, in report order. */
#include "report/report_internal.h"

brink_status_t rp_chart_response(brink_report_t *r);

brink_status_t brink_report_render(brink_ctx_t *ctx, brink_report_t *r)
{
    if (!ctx || !r)
        return BRINK_EINVAL;
    if (r->rendered)
        return BRINK_OK;
    brink_ctx_t *saved = r->ctx;
    r->ctx = ctx;
    brink_status_t st;
    if ((st = rp_chart_outcomes(r)) || (st = rp_chart_milestones(r)) || (st = rp_chart_fans(r)) ||
        (st = rp_chart_counts(r)) || (st = rp_chart_timeline(r)) ||
        (st = rp_chart_sensitivity(r)) || (st = rp_chart_response(r)) || (st = rp_chart_backtest(r)) ||
        (st = rp_chart_forecast(r)) || (st = rp_chart_rolling(r)))
        goto done;
    r->rendered = 1;
done:
    r->ctx = saved;
    return st;
}
