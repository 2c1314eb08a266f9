#!/usr/bin/env python3
"""Fills the parameter table of docs/model.md from `brink validate --reference`
and the reasoning below (one entry per params key; the script fails if a key
lacks one).  usage: tools/sim_params_doc.py BRINK docs/model.md"""
import subprocess, sys

WHY = {
 "threat_decay": "half-life of about 8 months for perceptions to follow their drivers; perceptions change more slowly than events (Jervis)",
 "threat_hostility": "a nuclear test (21.6 Goldstein units) moves the driver by 0.3, a month of exercises (7.2) by 0.1",
 "threat_capability": "a full, reliable capability that can reach the perceiver adds up to 0.35 to the threat of a fully hostile adversary",
 "trust_gain": "a cooperative event is e^0.15 = 1.16 times likelier from a trustworthy type (Kydd 2005: cheap gestures are weak signals)",
 "trust_loss": "hostile events are common between adversaries of any type and carry little information",
 "trust_keep": "an implemented phase is a costly signal: likelihood ratio e^0.3 = 1.35",
 "trust_renege": "reneging is strong evidence: likelihood ratio e^-1.2 = 0.30",
 "escalation_halflife": "crises on the peninsula cool over a season (e.g. 2013 March-May, 2017 August-November)",
 "escalation_scale": "a month of two test days plus the adversaries' usual responses (about 60 units) gives an index near 0.4",
 "war_hazard": "scaled so that war stays a rare event (well under 1% over 2012-2019, none in the record); a judgement pending calibration",
 "clash_hazard": "armed clashes (2010 Yeonpyeong, 2015 DMZ mine crisis) happen every few years at high escalation",
 "collapse_hazard": "collapse only when legitimacy falls below 0.25; 2% a month at zero legitimacy",
 "deter_lambda": "the same order as leaders' choice precision: payoff gaps of 1 give 98% choice",
 "rivalry": "great-power rivalry in 2011 (before the 2014 Crimea crisis and the 2018 US-China trade war): moderate",
 "rivalry_ref": "the rivalry at which end-2011 enforcement values were observed (equal to the start value)",
 "unsc_level": "resolutions 1718 (2006) and 1874 (2009) in force: a partial regime",
 "rivalry_drift": "a slow upward trend of rivalry as known by 2012 (the US 'pivot' to Asia, Russia-West tensions); shocks are exogenous events",
 "missile_days": "at full propensity and ample test articles 30 launch days a year; the choice probability (about 0.5) and the article constraint bring this to the order of the busiest years (16 in 2016, 15 in 2017; CNS)",
 "article_rate": "at the Byungjin share of 2012 (0.3) about 5 development launches a year, at 0.7 about 10: the order of the CNS launch days of 2012-2013 and 2014-2017",
 "article_half": "a programme with three test articles on hand tests at half its intended pace",
 "salvo_extra": "mean salvo 1.6 missiles per launch day (CNS: 24/16 = 1.5 in 2016, 6/3 = 2.0 in 2013, 27/14 = 1.9 in 2019)",
 "nuclear_rate": "at most about two nuclear tests a year (2016: two, eight months apart)",
 "count_dispersion": "launch days are overdispersed (years with 0 and 16 days); k = 1 gives variance m + m^2",
 "act_rate": "other actions (threats, exercises, proposals) at most once a month each",
 "frontier_share": "about a third of launches tested new longer-range systems in 2016-2017 (CNS: Musudan, Hwasong-12/14/15, Pukguksong)",
 "test_security": "scale of the security value of testing against the 0..1 threat and completeness terms; with w_s = 0.5 a test is worth about 0.5 in 2012",
 "test_prestige": "a demonstration of strength is worth less than its security value but matters when legitimacy is low",
 "provocation_cost": "a nuclear test under full enforcement costs about 0.3 in anticipated sanctions for w_e = 0.2",
 "talks_test_cost": "testing during talks forfeits relief and summit prestige: larger than a test's value, so talks imply a moratorium (2018)",
 "fissile_rate": "SIPRI: 6-8 warhead equivalents (2012) to 20-30 (2019): about 3-4 a year at a nuclear share of about 0.5-0.6",
 "rd_rate": "with the test term, reach grows from 1.2 (2011) to ICBM class (2.5) in about six years, as observed (first ICBM 2017-07)",
 "rd_test": "one successful frontier test moves reach by 0.08: about a dozen successful frontier tests plus investment take a programme from IRBM to ICBM class (2016-2017: about 15 frontier launches, a third failed)",
 "learn_success": "reliability gap closed per successful test; about 20 frontier tests take reliability from 0.4 to 0.8",
 "learn_failure": "failures teach less than successes (the brief; CNS lists 10 failures among 2016's 24)",
 "maturity_gain": "four tests (2013-2017) take design maturity from 0.4 to about 0.85, by which time the DPRK declared its force complete (2017-11)",
 "icbm_reach": "reach level at which frontier tests are ICBM-class (between theatre 2 and intercontinental 3)",
 "bite_cost": "BoK growth -3.5% in 2017, when China enforced (bite about 0.45), against about +1% before: 0.08 per unit of bite",
 "nuclear_cost": "resources diverted by the programme: small next to the bite (DPRK grew about 1% a year in 2012-2014 under Byungjin)",
 "growth_noise": "year-to-year variation of BoK growth estimates 2006-2016 (about 1-2 points)",
 "legit_adjust": "legitimacy follows performance over about 20 months",
 "legit_growth": "one point of growth above baseline adds 0.04 to legitimacy",
 "legit_strength": "a complete, reliable force adds up to 0.15 (the regime's claim of 'state nuclear force' in 2017)",
 "legit_summit": "a summit with the US president or the ROK president is a large prestige gain for the DPRK leader",
 "byungjin_adjust": "a budget split moves over a year or two",
 "byungjin_return": "curvature: with k = 4 the returns to the programme halve from s = 0 to s = 0.25",
 "enforce_adjust": "enforcement moves over about a year (China's 2017 tightening took months)",
 "enforce_unsc": "China implements UN obligations in part: a full UN regime (level 1 from 0.3) adds 0.35 to its enforcement (it stayed lax until the 2016-2017 resolutions)",
 "enforce_rivalry": "a rivalry rise of 0.5 lowers enforcement by 0.3: patrons protect clients against rivals (black knights)",
 "enforce_talks": "patrons relax enforcement when diplomacy gives them cover (China during the 2007-2008 Six-Party phase)",
 "enforce_provocation": "China's interest in stability: up to 0.15 tighter enforcement at full escalation (2017)",
 "defence_adjust": "defence budgets move slowly",
 "defence_threat": "defence effort rises by up to 30% of its baseline under full threat",
 "unsc_step": "each resolution closes about a fifth of the remaining gap (2013-2017: seven resolutions took the regime to a near-embargo)",
 "veto_base": "a veto is rare at low rivalry (none on DPRK resolutions 2006-2017)",
 "veto_rivalry": "vetoes become likely at high rivalry: at rivalry 0.8 and no severity the odds are even (judgement)",
 "veto_affinity": "patrons allied to the target veto more",
 "veto_severity": "a nuclear test makes a veto unlikely (every nuclear test 2006-2017 was followed by a resolution)",
 "relief_value": "full relief from a bite of 0.5 is worth 2 times the target's economy weight: the growth lost in 2017 over a few years",
 "deterrent_value": "giving up a credible deterrent under full threat costs the target about 3 units (w_s = 0.5): more than full relief",
 "status_value": "nuclear status is enshrined in the 2012 constitution: giving it up costs prestige",
 "assurance_value": "assurances are worth less than relief to the target because they are cheap to revoke",
 "denuke_value": "the partner values full denuclearization at twice its threat perception",
 "relief_cost": "relief costs the partner leverage and money",
 "assurance_cost": "suspending exercises costs alliance readiness",
 "audience_cost": "democratic leaders pay 0.8 per unit of negative material balance (a deal seen as weak) and for meeting the target's leader while pressing it",
 "statement_prestige": "a summit statement is worth prestige to engaged leaders (the 2000 and 2007 inter-Korean summit declarations)",
 "belief_noise": "errors about the other's reservation value of the order of a tenth of the stakes",
 "sequencing": "the default mixes the two: the Six-Party principle of action for action (2005) against the US preference for a big deal",
 "phases": "implementation in four phases (the Agreed Framework and Six-Party steps had a handful)",
 "talks_decay": "working-level talks without a summit rarely last beyond half a year",
 "summit_prestige": "meeting the US president is itself a prize for the target's leader",
 "statement_decay": "a statement without implemented steps loses its restraining force within about a year (judgement; freezes with implemented steps, 1994-2002 and 2007-2008, lasted years)",
}

brink, path = sys.argv[1], sys.argv[2]
ref = subprocess.run([brink, "validate", "--reference"], capture_output=True, text=True,
                     check=True).stdout
rows = ["| parameter | unit | range | default | meaning | source or reasoning |",
        "|---|---|---|---|---|---|"]
missing = []
for line in ref.splitlines():
    if not line.startswith("| `params."):
        continue
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    key = cells[0].strip("`").split(".", 1)[1]
    rng = cells[1].replace("a number in ", "")
    if key not in WHY:
        missing.append(key)
        continue
    rows.append(f"| `{key}` | {cells[3]} | {rng} | {cells[2]} | {cells[4]} | {WHY[key]} |")
if missing:
    sys.exit("no reasoning for: " + ", ".join(missing))
doc = open(path).read()
start = doc.index("## 12. Parameters")
end = doc.index("## 13.")
head = doc[start:end]
marker = "PARAMS_TABLE"
if marker in head:
    new = head.replace(marker, "\n".join(rows))
else:
    i = head.index("| parameter |")
    j = head.index("\n\n", i)
    new = head[:i] + "\n".join(rows) + head[j:]
open(path, "w").write(doc[:start] + new + doc[end:])
