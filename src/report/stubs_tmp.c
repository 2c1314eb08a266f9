#include "report/report_internal.h"
brink_status_t rp_read_backtest(brink_ctx_t *ctx, const char *path, json_t *payload){(void)ctx;(void)path;(void)payload;return BRINK_OK;}
brink_status_t rp_read_forecast(brink_ctx_t *ctx, const char *path, json_t *payload){(void)ctx;(void)path;(void)payload;return BRINK_OK;}
brink_status_t rp_read_analysis(brink_ctx_t *ctx, const char *path, json_t *payload){(void)ctx;(void)path;(void)payload;return BRINK_OK;}
brink_status_t rp_read_sweep_db(brink_ctx_t *ctx, const char *path, json_t *payload){(void)ctx;(void)path;(void)payload;return BRINK_OK;}
brink_status_t rp_chart_backtest(brink_report_t *r){(void)r;return BRINK_OK;}
brink_status_t rp_chart_forecast(brink_report_t *r){(void)r;return BRINK_OK;}
void rp_html_sensitivity(FILE *fp, const brink_report_t *r);
void rp_html_backtest(FILE *fp, const brink_report_t *r);
void rp_html_forecast(FILE *fp, const brink_report_t *r);
void rp_html_sensitivity(FILE *fp, const brink_report_t *r){(void)fp;(void)r;}
void rp_html_backtest(FILE *fp, const brink_report_t *r){(void)fp;(void)r;}
void rp_html_forecast(FILE *fp, const brink_report_t *r){(void)fp;(void)r;}
