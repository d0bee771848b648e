/* words.h — the fixed vocabulary of bench/gen.c.
 *
 * Council performance-report English: service areas with their own
 * populations and outcomes (so that titles read like real measures), and
 * phrase lists from which comments and progress notes are built.  Changing
 * any list changes every generated report, so the benchmark's reports are
 * only comparable between runs of the same version of this file.
 */
#ifndef BENCH_WORDS_H
#define BENCH_WORDS_H

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* A service area: its name (the measure's group), who it serves, what is
 * measured about them, and what it delivers (for milestone titles). */
typedef struct area {
    const char *name;
    const char *theme;          /* "Improve services for <theme>" */
    const char *pops[4];
    const char *outcomes[5];
    const char *events[3];
    const char *processes[3];
    const char *deliverables[4];
} area;

static const area areas[] = {
    {"Children's Social Care", "children, young people and families",
     {"children in care", "children in need", "care leavers aged 19-21",
      "children subject to a child protection plan"},
     {"with an up-to-date health assessment", "seen within statutory timescales",
      "with a current and appropriate plan", "placed within 20 miles of home",
      "who had three or more placements in the year"},
     {"children entering care", "children becoming subject to a plan for a second time",
      "contacts to the front door"},
     {"complete a single assessment", "convene an initial child protection conference",
      "match a child with an adoptive family"},
     {"sufficiency strategy for placements", "edge of care service", "practice standards",
      "multi-agency safeguarding hub"}},
    {"Education and Skills", "pupils and young learners",
     {"pupils", "young people aged 16-17", "schools", "children with an education, health and care plan"},
     {"attending a good or outstanding school", "in education, employment or training",
      "achieving the expected standard in reading, writing and mathematics",
      "with an education, health and care plan issued within 20 weeks",
      "persistently absent from school"},
     {"permanent exclusions", "children electively home educated", "children missing from education"},
     {"issue an education, health and care plan", "place a pupil after a permanent exclusion",
      "process a school admission appeal"},
     {"Schools Causing Concern strategy", "school place planning review", "inclusion charter",
      "skills and employment plan"}},
    {"Adult Social Care", "older and disabled adults and their carers",
     {"older people", "adults with a learning disability", "carers", "people discharged from hospital"},
     {"still at home 91 days after discharge into reablement", "in paid employment",
      "who receive self-directed support", "who feel safe", "supported to live independently"},
     {"admissions to residential and nursing care", "people receiving a direct payment",
      "delayed transfers of care from hospital"},
     {"complete a care act assessment", "arrange a package of home care", "complete a carer's assessment"},
     {"home care framework", "reablement pathway", "extra care housing scheme", "carers' strategy"}},
    {"Housing and Homelessness", "residents in housing need",
     {"households", "families with children", "rough sleepers", "council tenants"},
     {"prevented from becoming homeless", "in temporary accommodation for over six weeks",
      "satisfied with the repairs service", "housed within the target time", "in rent arrears"},
     {"households accepted as statutorily homeless", "families placed in bed and breakfast accommodation",
      "evictions for rent arrears"},
     {"re-let a council home", "complete an emergency repair", "decide a homelessness application"},
     {"housing allocations policy", "temporary accommodation strategy",
      "rough sleeping initiative", "stock condition survey"}},
    {"Environment and Waste", "residents in every neighbourhood",
     {"households", "streets and public spaces", "fly-tipping incidents", "bins"},
     {"with household waste sent for reuse, recycling or composting",
      "with an acceptable level of litter", "collected on the scheduled day",
      "cleared within five working days", "inspected to standard"},
     {"missed bin collections", "fly-tipping incidents reported", "fixed penalty notices issued"},
     {"remove fly-tipped waste", "respond to a missed collection", "repair a street light"},
     {"waste and recycling strategy", "street cleansing review", "climate emergency action plan",
      "air quality management plan"}},
    {"Planning and Regeneration", "businesses and communities across the borough",
     {"major planning applications", "minor planning applications", "householder applications",
      "planning applications for new homes"},
     {"decided within 13 weeks or an agreed time", "decided within eight weeks",
      "determined under delegated powers", "validated within five working days",
      "allowed on appeal"},
     {"new business start-ups", "affordable homes delivered", "jobs created through inward investment"},
     {"decide a major planning application", "register a planning application",
      "respond to a pre-application enquiry"},
     {"local plan examination", "town centre masterplan", "inward investment prospectus",
      "community infrastructure levy charging schedule"}},
    {"Public Health", "the health of residents",
     {"adults", "smokers", "mothers", "people in drug and alcohol treatment"},
     {"who successfully completed treatment", "quitting at four weeks",
      "smoking at the time of delivery", "taking up an NHS health check",
      "physically active for 150 minutes a week"},
     {"admissions for alcohol-related conditions", "health checks delivered",
      "referrals to the weight management service"},
     {"start a treatment programme", "offer a sexual health appointment", "deliver a health check"},
     {"health and wellbeing strategy", "suicide prevention plan", "healthy weight pathway",
      "drug and alcohol recovery service"}},
    {"Customer and Corporate Services", "customers contacting the Council",
     {"calls to the contact centre", "freedom of information requests", "complaints", "invoices"},
     {"answered within 60 seconds", "responded to within 20 working days",
      "resolved at the first point of contact", "paid within 30 days",
      "upheld by the Ombudsman"},
     {"calls abandoned", "stage two complaints received", "online transactions completed"},
     {"respond to a stage one complaint", "process a new benefit claim",
      "process a change of circumstances"},
     {"customer access strategy", "digital council programme", "new telephony platform",
      "complaints policy"}},
    {"Finance and Revenues", "council tax payers",
     {"council tax", "business rates", "sundry debt", "council tax due from working-age households"},
     {"collected in year", "collected by direct debit", "recovered within 90 days",
      "collected by the end of the quarter", "written off"},
     {"summonses issued", "payment arrangements agreed", "overpayments identified"},
     {"process a new housing benefit claim", "issue a council tax bill", "process a refund"},
     {"medium term financial strategy", "savings programme", "debt recovery policy",
      "capital programme review"}},
    {"Workforce", "the Council's workforce",
     {"employees", "agency social workers", "apprentices", "managers"},
     {"with a completed annual appraisal", "leaving within twelve months of starting",
      "completing mandatory training", "in permanent posts", "reporting a work-related injury"},
     {"working days lost to sickness per employee", "vacancies advertised", "grievances raised"},
     {"fill a vacancy", "complete a pre-employment check", "respond to a grievance"},
     {"workforce development plan", "recruitment and retention strategy",
      "wellbeing programme", "pay and grading review"}},
};

static const char *const objective_verbs[] = {
    "Improve outcomes for", "Raise standards for", "Strengthen support to", "Deliver better services for",
    "Reduce inequalities for", "Modernise services for",
};

static const char *const objective_tails[] = {
    "through earlier help and better joint working with partners",
    "by managing performance effectively and using resources well",
    "so that more people live safe, healthy and independent lives",
    "through a clear improvement plan agreed with Cabinet",
    "by listening to residents and acting on what they tell us",
    "while delivering the savings in the Council's budget",
};

static const char *const openers[] = {
    "Performance this quarter", "The latest position", "The outturn for the quarter",
    "Demand for the service", "The service", "The rolling twelve month figure",
    "Performance against this indicator", "The volume of work", "The quarter two figure",
};

/* Each reads before one of compared[]. */
static const char *const movements[] = {
    "is better than", "remains below", "is broadly in line with", "has moved closer to",
    "continues to exceed", "has fallen short of", "is ahead of", "remains behind",
    "compares well with",
};

static const char *const compared[] = {
    "the same period last year", "the target set for the year", "statistical neighbours",
    "the regional average", "the national average", "the previous quarter",
    "the trajectory agreed with the Board",
};

static const char *const causes[] = {
    "an increase in referrals over the summer holiday period",
    "vacancies in two of the locality teams", "the introduction of weekly case tracking",
    "a change in the way the data is recorded", "the impact of the new triage arrangements",
    "continued pressure on the market for placements", "a small number of complex cases",
    "the success of the early help offer", "seasonal variation in demand",
    "the transfer of the service to the new case management system",
};

/* Plural, so that "have" and "are" agree; lower-cased after a connective. */
static const char *const actors[] = {
    "Team managers", "Officers", "Partners", "Service leads", "Locality managers",
    "Commissioners", "Heads of service", "The performance and quality teams",
};

static const char *const actions[] = {
    "have introduced fortnightly tracking meetings", "are reviewing every case over timescale",
    "have agreed a recovery plan", "are working with partners", "have commissioned additional capacity",
    "will report progress to the next meeting", "have refreshed the practice guidance",
    "are carrying out a deep dive audit",
};

static const char *const purposes[] = {
    "to ensure that cases do not drift", "so that performance returns to target by year end",
    "to understand the reasons for the variation", "to improve the quality of recording",
    "to reduce the reliance on agency staff", "so that families receive help at the right time",
    "to make sure that resources are targeted where they are most needed",
};

static const char *const caveats[] = {
    "The figure is provisional and may change once the data has been validated.",
    "Benchmarking data for this measure is published annually.",
    "Small numbers mean that the percentage can change sharply from quarter to quarter.",
    "Members should note that the target was revised at the start of the year.",
    "This is a new measure and a target will be set once a baseline has been established.",
    "The trend should be read alongside the commentary on demand above.",
};

static const char *const connectives[] = {
    "However,", "In addition,", "As a result,", "Despite this,", "Looking ahead,", "Overall,",
};

static const char *const ms_verbs[] = {
    "Complete the review of the", "Launch the", "Agree with partners the", "Consult on the",
    "Implement the", "Report to Cabinet on the", "Procure the", "Evaluate the",
};

static const char *const partners_list[] = {
    "NHS Foundation Trust", "Police", "Schools", "Voluntary sector", "Housing associations",
    "Clinical Commissioning Group", "Fire and Rescue Service", "Further education college",
};

static const char *const finance_headings[] = {
    "Children and Young People", "Adults, Health and Wellbeing", "Place and Economy", "Corporate Resources",
};

static const char *const finance_labels[] = {
    "Children Looked After", "Safeguarding and Family Support", "Education and Inclusion",
    "Youth Justice", "Adult Social Care Packages", "Reablement and Intermediate Care",
    "Public Health Grant", "Commissioning and Contracts", "Waste Collection and Disposal",
    "Highways and Street Lighting", "Planning and Building Control", "Housing Options",
    "Regeneration and Assets", "Customer Services", "Revenues and Benefits", "Legal and Democratic",
    "Human Resources", "Finance and Audit", "Information Technology", "Corporate Landlord",
};

typedef struct person {
    const char *key, *name;
} person;

static const person people[] = {
    {"JM", "Jo Moxon, Assistant Director Education"},
    {"CP", "Chris Pratt, Director of Children's Services"},
    {"MV", "Mil Vasic, Assistant Director Commissioning and Performance"},
    {"VL", "Vicki Lawson, Assistant Director Children and Families"},
    {"AK", "Amira Khan, Director of Adult Social Care"},
    {"DO", "David O'Neill, Head of Housing"},
    {"SR", "Sarah Reid, Director of Public Health"},
    {"PT", "Peter Turner, Assistant Director Environment"},
    {"LB", "Lucy Brown, Head of Planning"},
    {"GH", "Gareth Hughes, Chief Finance Officer"},
    {"NW", "Nadia Wright, Head of Human Resources"},
    {"TE", "Tom Evans, Head of Customer Services"},
};

#endif
