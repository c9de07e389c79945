"""The guidelines and papers the triage rules rest on."""

from __future__ import annotations

from unknot.engine.triage.base import Source

NG59 = Source(
    "NICE NG59",
    "NICE guideline NG59: Low back pain and sciatica in over 16s (2016, updated 2020)",
    "https://www.nice.org.uk/guidance/ng59",
)
CKS_BACK = Source(
    "NICE CKS: low back pain",
    "NICE Clinical Knowledge Summary: Back pain - low (without radiculopathy), red flags",
    "https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/",
)
CKS_SCIATICA = Source(
    "NICE CKS: sciatica",
    "NICE Clinical Knowledge Summary: Sciatica (lumbar radiculopathy)",
    "https://cks.nice.org.uk/topics/sciatica-lumbar-radiculopathy/",
)
CKS_NECK = Source(
    "NICE CKS: neck pain",
    "NICE Clinical Knowledge Summary: Neck pain - cervical radiculopathy and red flags",
    "https://cks.nice.org.uk/topics/neck-pain-cervical-radiculopathy/",
)
GIRFT_CES = Source(
    "GIRFT national CES pathway",
    "Getting It Right First Time: National suspected cauda equina syndrome pathway (2023)",
    "https://gettingitrightfirsttime.co.uk/",
)
NG234 = Source(
    "NICE NG234",
    "NICE guideline NG234: Spinal metastases and metastatic spinal cord compression (2023)",
    "https://www.nice.org.uk/guidance/ng234",
)
NG51 = Source(
    "NICE NG51",
    "NICE guideline NG51: Suspected sepsis: recognition, diagnosis and early management",
    "https://www.nice.org.uk/guidance/ng51",
)
CKS_SPINAL_INFECTION = Source(
    "NICE CKS: back pain red flags (infection)",
    "NICE CKS low back pain: suspect spinal infection with fever, IV drug use, "
    "immunosuppression or recent infection",
    "https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/",
)
CANADIAN_CSPINE = Source(
    "Canadian C-spine rule",
    "Stiell et al. 2001, JAMA: The Canadian C-spine rule for radiography in alert and stable "
    "trauma patients",
    "https://doi.org/10.1001/jama.286.15.1841",
)
NG41_TRAUMA = Source(
    "NICE NG41",
    "NICE guideline NG41: Spinal injury: assessment and initial management (2016)",
    "https://www.nice.org.uk/guidance/ng41",
)
OSTEOPOROTIC_FRACTURE = Source(
    "NICE CKS: osteoporosis",
    "NICE CKS: Osteoporosis - prevention of fragility fractures; vertebral fracture after "
    "minimal trauma",
    "https://cks.nice.org.uk/topics/osteoporosis-prevention-of-fragility-fractures/",
)
OTTAWA = Source(
    "Ottawa ankle and knee rules",
    "Stiell et al. 1992/1995: Ottawa ankle rules and Ottawa knee rule (inability to bear "
    "weight after injury)",
    "https://doi.org/10.1001/jama.1993.03500080061032",
)
RHABDO = Source(
    "Exertional rhabdomyolysis (Torres 2015; CHAMP 2020)",
    "Torres et al. 2015, Ochsner J: Rhabdomyolysis: pathogenesis, diagnosis, and treatment; "
    "CHAMP/USU 2020 clinical practice guideline for exertional rhabdomyolysis",
    "https://pubmed.ncbi.nlm.nih.gov/25829877/",
)
BOAST_COMPARTMENT = Source(
    "BOAST compartment syndrome",
    "British Orthopaedic Association Standard for Trauma 10: Diagnosis and management of "
    "compartment syndrome of the limbs (2016)",
    "https://www.boa.ac.uk/standards-guidance/boasts.html",
)
CKS_ACHILLES = Source(
    "NICE CKS: Achilles tendon rupture",
    "NICE CKS: Achilles tendinopathy and rupture: suspected rupture needs same-day assessment",
    "https://cks.nice.org.uk/topics/achilles-tendinopathy/",
)
CG95_CHEST = Source(
    "NICE CG95",
    "NICE guideline CG95: Recent-onset chest pain of suspected cardiac origin",
    "https://www.nice.org.uk/guidance/cg95",
)
AORTA = Source(
    "Aortic dissection (ESC 2024; RCEM)",
    "ESC 2024 guidelines for peripheral arterial and aortic diseases; RCEM safety "
    "flash: aortic dissection presenting as back pain",
    "https://www.escardio.org/Guidelines",
)
NG158_VTE = Source(
    "NICE NG158",
    "NICE guideline NG158: Venous thromboembolic diseases: diagnosis, management and "
    "thrombophilia testing",
    "https://www.nice.org.uk/guidance/ng158",
)
NG12_BRUISING = Source(
    "NICE NG12",
    "NICE guideline NG12: Suspected cancer: recognition and referral - a full blood count "
    "within 48 hours for unexplained bruising",
    "https://www.nice.org.uk/guidance/ng12",
)
CKS_SPRAINS = Source(
    "NICE CKS: sprains and strains",
    "NICE Clinical Knowledge Summary: Sprains and strains - seek review when recovery is "
    "slower than expected",
    "https://cks.nice.org.uk/topics/sprains-strains/",
)
CKS_REVIEW = Source(
    "NICE CKS: review when not improving",
    "NICE Clinical Knowledge Summaries on low back pain and on sprains and strains: review "
    "when symptoms are severe, get worse, or do not improve as expected",
    "https://cks.nice.org.uk/topics/sprains-strains/",
)
BERLIN_IBP = Source(
    "Berlin criteria; NICE NG65",
    "Rudwaleit et al. 2006, Arthritis Rheum: inflammatory back pain criteria (morning "
    "stiffness over 30 minutes, better with exercise); NICE NG65 spondyloarthritis referral",
    "https://www.nice.org.uk/guidance/ng65",
)
CKS_KNEE = Source(
    "NICE CKS: knee pain",
    "NICE Clinical Knowledge Summary: Knee pain - assessment (suspected ligament or meniscal "
    "injury); Ottawa knee and ankle rules",
    "https://cks.nice.org.uk/topics/knee-pain-assessment/",
)
MUSCLE_TEAR = Source(
    "British athletics muscle injury classification",
    "Pollock et al. 2014, Br J Sports Med: British athletics muscle injury classification "
    "(structural tears need assessment and graded loading)",
    "https://doi.org/10.1136/bjsports-2013-093302",
)
CKS_RENAL_COLIC = Source(
    "NICE CKS: renal colic",
    "NICE Clinical Knowledge Summary: Renal or ureteric colic - acute",
    "https://cks.nice.org.uk/topics/renal-or-ureteric-colic-acute/",
)
NG65 = Source(
    "NICE NG65",
    "NICE guideline NG65: Spondyloarthritis in over 16s: diagnosis and management",
    "https://www.nice.org.uk/guidance/ng65",
)
BSR_PMR = Source(
    "BSR polymyalgia rheumatica",
    "British Society for Rheumatology guideline for polymyalgia rheumatica (2024)",
    "https://www.rheumatology.org.uk/practice-quality/guidelines",
)
DOMS = Source(
    "Cheung, Hume & Maxwell 2003",
    "Cheung, Hume & Maxwell 2003, Sports Med: Delayed onset muscle soreness - treatment "
    "strategies and performance factors (soreness peaks at 24-72 hours, eases within 5-7 days)",
    "https://doi.org/10.2165/00007256-200333020-00005",
)
STROKE_FAST = Source(
    "NICE NG128",
    "NICE guideline NG128: Stroke and transient ischaemic attack in over 16s - sudden "
    "weakness needs emergency assessment",
    "https://www.nice.org.uk/guidance/ng128",
)
BLEEDING = Source(
    "NICE CKS: anticoagulation",
    "NICE CKS: Anticoagulation - oral: bleeding is the main risk; swelling or bruising after "
    "injury needs assessment",
    "https://cks.nice.org.uk/topics/anticoagulation-oral/",
)
NG240_MENINGITIS = Source(
    "NICE NG240",
    "NICE guideline NG240: Meningitis (bacterial) and meningococcal disease: recognition, "
    "diagnosis and management (2024)",
    "https://www.nice.org.uk/guidance/ng240",
)
NG141_FASCIITIS = Source(
    "NICE NG141",
    "NICE guideline NG141: Cellulitis and erysipelas: antimicrobial prescribing - refer to "
    "hospital if necrotising fasciitis is suspected",
    "https://www.nice.org.uk/guidance/ng141",
)
HIP_FRACTURE = Source(
    "NICE CG124",
    "NICE guideline CG124: Hip fracture: management",
    "https://www.nice.org.uk/guidance/cg124",
)
CKS_SCROTAL = Source(
    "NICE CKS: scrotal pain",
    "NICE CKS: Scrotal pain and swelling - suspected testicular torsion needs emergency "
    "referral; strangulated hernia",
    "https://cks.nice.org.uk/topics/scrotal-pain-swelling/",
)
AAA = Source(
    "NICE NG156",
    "NICE guideline NG156: Abdominal aortic aneurysm: diagnosis and management (2020); NICE "
    "CKS renal colic: consider a leaking aneurysm in people over 60",
    "https://www.nice.org.uk/guidance/ng156",
)
ROS_VERTEBRAL = Source(
    "ROS vertebral fracture guidance",
    "Royal Osteoporosis Society: Clinical guidance for the effective identification of "
    "vertebral fractures (2017): sudden back pain after lifting, bending or a cough in older "
    "people, with or without known osteoporosis; NICE CKS low back pain (suspected fracture)",
    "https://theros.org.uk/healthcare-professionals/clinical-quality-hub/"
    "clinical-quality-toolkits/vertebral-fractures/",
)
NOGG_FRAGILITY = Source(
    "NOGG 2022; NICE CG146",
    "National Osteoporosis Guideline Group 2022 (Gregson et al., Arch Osteoporos) and NICE "
    "CG146: a fall from standing height that breaks a bone is a fragility fracture; wrist, "
    "upper arm, ribs, spine and hip are its usual sites, and the risk climbs from 65",
    "https://doi.org/10.1007/s11657-022-01061-5",
)
NG38_FRACTURES = Source(
    "NICE NG38",
    "NICE guideline NG38: Fractures (non-complex): assessment and management - suspected "
    "scaphoid fracture after a fall on the hand needs imaging even when the wrist looks normal",
    "https://www.nice.org.uk/guidance/ng38",
)
BONE_STRESS = Source(
    "Bone stress injuries (Hoenig 2022)",
    "Hoenig et al. 2022, Nat Rev Dis Primers: Bone stress injuries - pain that builds with "
    "repeated loading over weeks; the femoral neck is a high-risk site; spondylolysis in young "
    "athletes with back pain",
    "https://doi.org/10.1038/s41572-022-00352-y",
)
RECURRENT_STRAIN = Source(
    "Heiderscheit et al. 2010",
    "Heiderscheit et al. 2010, J Orthop Sports Phys Ther: Hamstring strain injuries - "
    "re-injury is common and follows incomplete rehabilitation; a strain that keeps coming "
    "back needs a supervised, progressive programme",
    "https://doi.org/10.2519/jospt.2010.3047",
)
SPINAL_STENOSIS = Source(
    "NASS lumbar spinal stenosis",
    "North American Spine Society guideline: Diagnosis and treatment of degenerative lumbar "
    "spinal stenosis (2011): leg symptoms brought on by walking or standing, eased by sitting "
    "or bending forward; the GIRFT cauda equina pathway is for new symptoms",
    "https://www.spine.org/Research-Clinical-Care/Quality-Improvement/Clinical-Guidelines",
)
CKS_LEG_CRAMPS = Source(
    "NICE CKS: leg cramps",
    "NICE Clinical Knowledge Summary: Leg cramps - sudden painful tightening of the calf, "
    "often at night, lasting minutes, with soreness for hours after",
    "https://cks.nice.org.uk/topics/leg-cramps/",
)
NG226_OA = Source(
    "NICE NG226",
    "NICE guideline NG226: Osteoarthritis in over 16s: diagnosis and management (2022) - "
    "activity-related joint pain after 45; flares are managed with exercise, weight and "
    "self-management",
    "https://www.nice.org.uk/guidance/ng226",
)
CKS_FLU = Source(
    "NICE CKS: influenza; NICE NG51",
    "NICE Clinical Knowledge Summary: Influenza - seasonal (most healthy adults recover at "
    "home within a week) and NICE NG51 (an adult with no high- or moderate-risk sign of sepsis "
    "can be cared for at home with safety-netting advice)",
    "https://cks.nice.org.uk/topics/influenza-seasonal/",
)
CECS = Source(
    "Exertional leg pain (BOAST; CKS)",
    "BOAST 10 (2016) separates acute compartment syndrome from the chronic exertional kind, "
    "whose pain and tingling come with exercise and go with rest; NICE CKS sprains and "
    "strains: have lasting exercise pain assessed",
    "https://www.boa.ac.uk/standards-guidance/boasts.html",
)
HOT_JOINT = Source(
    "BSR/BOA hot swollen joint; NICE NG51",
    "BSR and BHPR guideline for the management of the hot swollen joint in adults (2006): "
    "suspect a septic joint with fever and a joint too painful to move or bear weight; NICE "
    "NG51: a new inability to stand or get about with a fever is a moderate-to-high sepsis risk",
    "https://www.nice.org.uk/guidance/ng51",
)
SCFE = Source(
    "Slipped upper femoral epiphysis (Peck 2017)",
    "Peck, Voss & Voss 2017, Am Fam Physician: Slipped capital femoral epiphysis - hip, groin "
    "or knee pain with a limp in a teenager needs same-day orthopaedic assessment",
    "https://www.aafp.org/pubs/afp/issues/2017/0615/p779.html",
)
METASTATIC_BONE = Source(
    "BOA metastatic bone disease",
    "British Orthopaedic Association: Metastatic bone disease, a guide to good practice "
    "(2015): limb bone pain at night or on weight bearing after cancer may be a bone about "
    "to break; NICE NG12",
    "https://www.boa.ac.uk/",
)
BICEPS = Source(
    "BESS biceps ruptures",
    "British Elbow and Shoulder Society guidance: a torn distal biceps (front of the elbow) "
    "needs surgical review within days; a torn long head (shoulder end, a bulge in the upper "
    "arm) usually heals without surgery after assessment",
    "https://bess.ac.uk/",
)
OVERUSE = Source(
    "NICE CKS overuse conditions",
    "NICE Clinical Knowledge Summaries on tennis elbow, plantar fasciitis and knee pain, the "
    "BJSM patellofemoral pain consensus (Crossley 2016) and the LEAP trial (Mellor 2018, BMJ): "
    "start with load management and exercise, and seek review if not better in about six weeks",
    "https://cks.nice.org.uk/topics/tennis-elbow/",
)
NG201_PREGNANCY = Source(
    "NICE NG201",
    "NICE guideline NG201: Antenatal care (2021) - back and pelvic pain are common in "
    "pregnancy and eased by exercise, posture and support; RCOG leaflet on pelvic girdle pain",
    "https://www.nice.org.uk/guidance/ng201",
)
GREEN_BOOK = Source(
    "UKHSA Green Book, chapter 8",
    "UK Health Security Agency, Immunisation against infectious disease (the Green Book), "
    "chapter 8: a sore, swollen arm and a mild fever in the first two days after a vaccine "
    "are expected reactions that settle on their own",
    "https://www.gov.uk/government/publications/vaccine-safety-and-adverse-events-following-"
    "immunisation-the-green-book-chapter-8",
)
