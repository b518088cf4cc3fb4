"""find_owner on invented minute text: who must act, as the text names them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from minutes.extractors.owners import DATA, actor_in, find_owner

D, R, A = "decision", "recommendation", "action"

CASES = [
    # people, with titles
    ("Cllr Pennington to write to the bus operator about the timetable.", A, None,
     "Cllr Pennington"),
    ("Councillor Okafor agreed to raise the matter with the ward members.", A, None,
     "Councillor Okafor"),
    ("Dr Harlow will circulate the revised protocol before the next meeting.", A, None,
     "Dr Harlow"),
    ("Mrs Bellingham undertook to obtain three quotes for the railings.", A, None,
     "Mrs Bellingham"),
    ("Mr. Tobias Renwick would report back in March.", A, None, "Mr. Tobias Renwick"),
    ("Ms Quaye offered to draft the newsletter article.", A, None, "Ms Quaye"),
    ("Priya Damodaran agreed to take the proposal to the Health and Wellbeing Board.", A, None,
     "Priya Damodaran"),
    ("Following discussion, Councillor Smith agreed to contact the landowner.", A, None,
     "Councillor Smith"),
    ("Tamsin to book the hall for the open day.", A, None, "Tamsin"),
    # roles
    ("That the Director of Children's Services be requested to report on placement costs.", D,
     None, "the Director of Children's Services"),
    ("That the Cabinet Member for Housing be asked to review the allocations policy.", D, None,
     "the Cabinet Member for Housing"),
    ("requests the Policy and Improvement Officer to investigate options for webcasting.", D,
     None, "the Policy and Improvement Officer"),
    ("The Clerk to obtain a replacement key for the pavilion.", A, None, "The Clerk"),
    ("The Chief Executive would write to the Minister.", A, None, "The Chief Executive"),
    ("The Head of Finance confirmed that she would circulate the figures.", A, None,
     "The Head of Finance"),
    ("The Chair thanked the Clerk and said she would write to the County Council.", A, None,
     "The Chair"),
    ("Members thanked Ann Lowe and Raj Patel and they would compile a contact list.", A, None,
     "Ann Lowe and Raj Patel"),
    ("That the Chairman write to the Secretary of State setting out the Panel's concerns.", D,
     None, "the Chairman"),
    ("The Clerk to the Council to renew the insurance policy.", A, None,
     "The Clerk to the Council"),
    ("the Senior Business Manager would also assist with the bid.", A, None,
     "the Senior Business Manager"),
    ("That the Facilitator, in consultation with the Chair, be authorised to vary the dates.", D,
     None, "the Facilitator"),
    # bodies
    ("Officers will bring a revised scheme to the January meeting.", A, None, "Officers"),
    ("The scrutiny team would arrange a site visit.", A, None, "The scrutiny team"),
    ("Members asked that officers circulate the consultation responses.", A, None, "officers"),
    ("The Environment Agency agreed to inspect the culvert.", A, None, "The Environment Agency"),
    ("The Parish Council will write to the landowner.", A, None, "The Parish Council"),
    ("There was a request that relevant officers provide a briefing note.", A, None,
     "relevant officers"),
    # the subject of commitment verbs
    ("Jo Whitlock volunteered to coordinate the litter pick.", A, None, "Jo Whitlock"),
    ("The Chair and Vice-Chair would meet the auditors before the next meeting.", A, None,
     "The Chair and Vice-Chair"),
    ("It was agreed that the Treasurer would prepare a draft budget.", D, None, "the Treasurer"),
    ("The Monitoring Officer undertook to provide written advice to members.", A, None,
     "The Monitoring Officer"),
    ("The Chair said a ward councillor will attend the hearing.", A, None, "a ward councillor"),
    ("which Ben Arkwright would circulate after the meeting.", A, None, "Ben Arkwright"),
    ("Regarding the footpath, the Clerk advised that the Ramblers were preparing a survey.", A,
     None, "the Ramblers"),
    # passive agents and requests
    ("A register of assets to be maintained by the Clerk.", A, None, "the Clerk"),
    ("That the Head of Legal Services be authorised to complete the lease.", D, None,
     "the Head of Legal Services"),
    ("That the Finance Manager be instructed to prepare quarterly monitoring reports.", D, None,
     "the Finance Manager"),
    ("The draft plan will be reviewed by the Planning Policy Manager.", A, None,
     "the Planning Policy Manager"),
    ("The final decision will be made by the City Council in March.", A, None, "the City Council"),
    ("lobby the Government on farm tax;", D,
     "This Council resolves to request that the Cabinet Member for Environment:",
     "the Cabinet Member for Environment"),
    ("Governors were invited to consider standing for the finance committee.", A, None,
     "Governors"),
    ("All panel members were encouraged to complete the skills audit.", A, None,
     "All panel members"),
    ("The Chair asked the Youth Worker to consider how to involve young people.", A, None,
     "the Youth Worker"),
    ("This would give the working group a chance to review the answers.", A, None,
     "the working group"),
    ("The item was deferred to allow Councillor Ahmed, Chair of the Task Group, to attend.", D,
     None, "Councillor Ahmed"),
    ("members agreed that responsibility for the plan lay with the Head of Estates.", D, None,
     "the Head of Estates"),
    # delegation
    ("delegate to the Head of Planning to agree the final wording of the conditions.", D, None,
     "the Head of Planning"),
    ("That authority be delegated to the Director of Place, in consultation with the Leader, "
     "to award the contract.", D, None, "the Director of Place"),
    ("That delegated authority be given to the Town Clerk to finalise the arrangements.", D,
     None, "the Town Clerk"),
    # the addressee of a recommendation
    ("the proposed fees and charges be approved.", R, "The Committee RECOMMENDS to Cabinet that:",
     "Cabinet"),
    ("The Committee recommends to Cabinet that the strategy be adopted.", R, None, "Cabinet"),
    ("That the revised policy be referred to Council for approval.", R, None, "Council"),
    ("That the Local Plan be endorsed for adoption by Full Council.", R, None, "Full Council"),
    ("the Council adopt the revised Statement of Licensing Policy.", R, "RECOMMENDED that",
     "the Council"),
    ("publish the data quarterly;", D, "RESOLVED that the Director of Finance be requested to:",
     "the Director of Finance"),
    ("obtain three quotes;", A, "The Clerk agreed to:", "The Clerk"),
    ("review the charges;", D, "That the Director of Place, in consultation with the Leader:",
     "the Director of Place"),
    ("freeze the charges;", R, "RECOMMENDED that Cabinet:", "Cabinet"),
    ("freeze the charges;", R, "RECOMMENDATIONS TO COUNCIL", "Council"),
    ("freeze the charges;", R, "The Panel RECOMMENDS to the Executive that:", "the Executive"),
    ("note the report;", D, "That the Committee:", None),
    ("the charges be frozen;", R, "The Committee RECOMMENDED that:", None),
    ("£300 be given to the village hall.", D,
     "Members discussed the fact that the Trust maintains the hall. Resolved that:", None),
    # initials and action tags as written
    ("Obtain costs for resurfacing the car park (CP).", A, None, "CP"),
    ("Chase the contractor about the drainage works. Action: RG/GP", A, None, "RG/GP"),
    ("Arrange the annual inspection of play equipment. ACTION: Clerk", A, None, "Clerk"),
    ("KT to send the risk register to all trustees.", A, None, "KT"),
    ("JB and MS to meet the grounds contractor on site.", A, None, "JB and MS"),
    ("LW has updated the website with the new policies.", A, None, "LW"),
    ("Cllr Brown had raised the parking problem and the Clerk agreed to write to the police.", A,
     None, "the Clerk"),
    ("Budget Monitoring The Finance Manager will circulate the figures.", A, None,
     "The Finance Manager"),
    # None: the text names no one, or only the meeting itself
    ("That the report be noted.", D, None, None),
    ("The Committee agreed the work programme.", D, None, None),
    ("That the Committee notes the update and agrees the actions.", D, None, None),
    ("The Council NOTED the annual governance statement.", D, None, None),
    ("The governing body duly APPROVED the admissions policy.", D, None, None),
    ("The Board has decided to approve the application.", D, None, None),
    ("Commissioner Vale moved that the Commission continue the item to the next meeting.", D,
     None, None),
    ("A report would be brought to a future meeting.", A, None, None),
    ("That the minutes be circulated to all members.", D, None, None),
    ("Further work is to be carried out on the options.", A, None, None),
    ("The Chair confirmed that a response would be sent in due course.", A, None, None),
    ("That the budget proposals be recognised as a basis for consultation.", R, None, None),
    ("Work on the town centre strategy be prioritised.", R, "The Panel RECOMMENDED that:", None),
    ("Proposed by Cllr Dunmore, seconded by Cllr Price, and carried unanimously.", D, None, None),
    ("That a representative of the bus company be invited to attend the next meeting.", R, None,
     None),
    ("Copies of the policy need updating before the next review.", A, None, None),
    ("It was noted that the scheme would be delivered by the end of March.", D, None, None),
    ("Feedback from residents be considered as part of the review.", R, None, None),
    ("Papers to be issued to attendees.", A, None, None),
    ("they would compile a list for the next meeting.", A, None, None),
    ("That the Scheme of Delegation to Officers be noted.", D, None, None),
    ("The plan sets out that the Community Hub provision will be delivered elsewhere.", A, None,
     None),
    ("Agree to submit a bid to Government for the regeneration fund.", D, None, None),
    ("Committee Member updates were deferred to the next meeting.", D, None, None),
    ("RECOMMENDED that Council approve the revised scheme of allowances.", D, None, "Council"),
    ("the Chairperson writes to the Minister on behalf of the Committee.", D, None,
     "the Chairperson"),
    # a future passive's agent, even for preparing or writing
    ("The annual return will be prepared by the Treasurer.", A, None, "the Treasurer"),
    ("A short guide is to be written by the Parish Clerk.", A, None, "the Parish Clerk"),
    # a limb opening "To delegate authority to ..." names no one when no delegate follows
    ("To delegate authority to sign the lease as set out in the report.", D, None, None),
    # an initial's dot ends no clause: the whole name, not the surname after it
    ("Authorised Judge Mary K. Osei to sign the grant agreement.", D, None,
     "Judge Mary K. Osei"),
    # "for X to do", and the one a question is put to
    ("It was agreed for the Parish Clerk to write to the landowner.", D, None,
     "the Parish Clerk"),
    ("PD asked KT if she could price the new benches.", A, None, "KT"),
    # workers and places that act: operatives, the attorney, the County
    ("It was agreed that the operatives would clear the drains.", D, None, "the operatives"),
    ("The township attorney will review the lease.", A, None, "The township attorney"),
]


MORE_CASES = [
    # other councils' styles: US, Irish, NZ, parish, school governors, health boards
    ("Staff was directed to prepare a report on parking fees.", A, None, "Staff"),
    ("City Manager to bring back options at the next meeting.", A, None, "City Manager"),
    ("Motion by Commissioner Ruiz, seconded by Commissioner Hale, to approve the minutes.", D,
     None, None),
    ("The City Attorney will review the ordinance language.", A, None, "The City Attorney"),
    ("It was agreed that the Director of Services would revert to members with a report.", D,
     None, "the Director of Services"),
    ("That the Chief Executive be requested to report back to the Council by June.", D,
     None, "the Chief Executive"),
    ("The CEO to report back on the consultation outcomes.", A, None, "The CEO"),
    ("Clerk to write to KCC Highways about the pothole.", A, None, "Clerk"),
    ("Review the safeguarding policy. Action: JS", A, None, "JS"),
    ("Circulate the revised terms of reference – Clerk", A, None, "Clerk"),
    ("Update the asset register (Action: Treasurer).", A, None, "Treasurer"),
    ("The Headteacher agreed to share the data with governors.", A, None, "The Headteacher"),
    ("HT to circulate the SEF to all governors.", A, None, "HT"),
    ("The Executive Director of Nursing would provide an update at the next meeting.", A,
     None, "The Executive Director of Nursing"),
    ("That officers be asked to investigate the feasibility of a 20mph zone.", D, None, "officers"),
    ("That the matter be referred to the Licensing Committee.", R, None, "the Licensing Committee"),
    ("That Cabinet be recommended to approve the capital programme.", R, None, "Cabinet"),
    ("The Committee RESOLVED to recommend to Council that the Allowances Scheme be approved.",
     R, None, "Council"),
    ("approve the Housing Strategy 2024-2029.", R, "RECOMMENDED to Cabinet that it:", "Cabinet"),
    ("That the Council approves the budget.", D, None, None),
    ("That the Panel's comments be forwarded to the Cabinet Member for Environment.", R,
     None, "the Cabinet Member for Environment"),
    ("The Leader of the Council will write to the Secretary of State.", A,
     None, "The Leader of the Council"),
    ("Councillors Brown and Patel to meet with the developer.", A,
     None, "Councillors Brown and Patel"),
    ("Cllrs Brown and Patel agreed to attend the site meeting.", A, None, "Cllrs Brown and Patel"),
    ("The Assistant Director (Highways) undertook to provide a written answer.", A,
     None, "The Assistant Director (Highways)"),
    ("Sgt Evans would circulate the crime figures.", A, None, "Sgt Evans"),
    ("The Police would increase patrols in the area.", A, None, "The Police"),
    ("Thames Water had agreed to repair the leak.", A, None, "Thames Water"),
    ("That the Town Clerk be authorised to sign the agreement on behalf of the Council.", D,
     None, "the Town Clerk"),
    ("That the application be approved subject to conditions.", D, None, None),
    ("That a task and finish group be established to review the policy.", D, None, None),
    ("The meeting closed at 9.15pm.", D, None, None),
    ("It was agreed that the next meeting would be held on 5 March.", D, None, None),
    ("A site visit would be arranged.", A, None, None),
    ("Members would be kept informed of progress.", A, None, None),
    ("Members noted the report and thanked officers for their work.", D, None, None),
    ("Officers were thanked for the report.", D, None, None),
    ("The Chair thanked everyone for attending.", D, None, None),
    ("The Committee requested that an update be provided at the next meeting.", A, None, None),
    ("Members requested a further report in six months.", A, None, None),
    ("Any further comments to be sent to the Clerk by Friday.", A, None, None),
    ("The Chairman will be away in August.", A, None, "The Chairman"),
    ("Planning Officer to review the enforcement case.", A, None, "Planning Officer"),
    ("That the Head of Environmental Services and the Head of Finance prepare a joint report.", D,
     None, "the Head of Environmental Services and the Head of Finance"),
    ("It was requested that the Housing Manager provide figures on void properties.", A,
     None, "the Housing Manager"),
    ("Members asked that the Environmental Health team be asked to attend the next meeting.", A,
     None, None),
    ("Members asked that the Environmental Health team monitor the site.", A,
     None, "the Environmental Health team"),
    ("The Clerk was asked to obtain quotes.", A, None, "The Clerk"),
    ("The Clerk was asked to obtain quotes (Action: Clerk).", A, None, "Clerk"),
    ("Report to be circulated to members.", A, None, None),
    ("Letter to be sent to residents.", A, None, None),
    ("Consensus was to meet again in June.", A, None, None),
    ("The Council would continue to lobby for funding.", A, None, "The Council"),
    ("Agreed that the Treasurer should pay the invoice.", D, None, "the Treasurer"),
    ("Resolved that the Clerk orders the new signs.", D, None, "the Clerk"),
    ("The Council resolved that the Clerk order the new signs.", D, None, "the Clerk"),
    ("RESOLVED that the report be noted and that the Cabinet be asked to respond.", D,
     None, "the Cabinet"),
]


STYLE_CASES = [
    # subjunctive report-backs, titles in parentheses, tags, appointments and thanks
    ("That the Chief Executive report back to the Council in March.", D,
     None, "the Chief Executive"),
    ("That officers report back on the options.", D, None, "officers"),
    ("That the Director of Finance's report be received.", D, None, None),
    ("That the Planning Manager's update be noted.", D, None, None),
    ("Officers to be asked to report back.", A, None, "Officers"),
    ("Council directed staff to return with a draft ordinance.", D, None, "staff"),
    ("Motion to direct the City Manager to negotiate the lease.", D, None, "the City Manager"),
    ("Mayor Jones will appoint a subcommittee.", A, None, "Mayor Jones"),
    ("The Cathaoirleach agreed to write to the Minister.", A, None, "The Cathaoirleach"),
    ("It was agreed to write to the Minister.", D, None, None),
    ("Agreed: the Clerk to write to the bus company.", A, None, "the Clerk"),
    ("That Council request the Minister to review the funding formula.", D, None, "the Minister"),
    ("Lead Officer: Head of Housing", A, None, "Head of Housing"),
    ("Review the tree survey (Officer: Jane Holloway)", A, None, "Jane Holloway"),
    ("The Clerk is to write to the landowner.", A, None, "The Clerk"),
    ("Clerk to action.", A, None, "Clerk"),
    ("Mr Jones (Highways) to investigate the flooding.", A, None, "Mr Jones (Highways)"),
    ("The Committee recommends to Cabinet that the charges be frozen.", R, None, "Cabinet"),
    ("That the Committee recommends to Cabinet that the charges be frozen.", R, None, "Cabinet"),
    ("The Committee agreed to receive a further report in June.", D, None, None),
    ("Members were asked to send any comments to the Clerk.", A, None, "Members"),
    ("The Chairman and Clerk to meet with the contractor.", A, None, "The Chairman and Clerk"),
    ("That the Head of Planning, or their nominee, be authorised to sign the notice.", D,
     None, "the Head of Planning"),
    ("That the Leader of the Council and the Chief Executive write to the Minister.", D,
     None, "the Leader of the Council and the Chief Executive"),
    ("Actions: Clerk and Chair", A, None, "Clerk and Chair"),
    ("ACTION: CE/DoF", A, None, "CE/DoF"),
    ("That the recommendations of the review be implemented.", D, None, None),
    ("That the Council's Constitution be amended as set out in the report.", D, None, None),
    ("That the Chair of the Panel be appointed as the Council's representative.", D, None, None),
    ("Councillor Green was appointed as Vice-Chair for the ensuing year.", D, None, None),
    ("That Councillor Green be appointed Chair of the Committee for the municipal year.", D,
     None, None),
    ("The Clerk reported that the grass cutting contract had been renewed.", A, None, None),
    ("The Clerk reported that the contractor would start work in May.", A, None, "the contractor"),
    ("The Chairman thanked Mr Smith for his presentation.", D, None, None),
    ("The Chair welcomed everyone to the meeting.", D, None, None),
]


CLAUSE_CASES = [
    # several clauses: the clause that commits, speakers, passive limbs, action-log fragments
    ("The Clerk reported that the Highways Authority had been contacted and Cllr Smith would "
     "chase them.", A, None, "Cllr Smith"),
    ("Following a question from Cllr Jones, the Director agreed to provide a written response.", A,
     None, "the Director"),
    ("In response to a question, Cllr Jones said she would send the figures to members.", A,
     None, "Cllr Jones"),
    ("The Chairman said that the matter would be looked into.", A, None, None),
    ("It was agreed that a letter be sent to the landowner.", D, None, None),
    ("It was agreed that the Clerk send a letter to the landowner.", D, None, "the Clerk"),
    ("The Cabinet Member for Finance will bring forward proposals in the autumn.", A,
     None, "The Cabinet Member for Finance"),
    ("Officers would look at whether the scheme could be extended.", A, None, "Officers"),
    ("The Highways Team agreed to look at the junction.", A, None, "The Highways Team"),
    ("The Police and Crime Commissioner undertook to respond in writing.", A,
     None, "The Police and Crime Commissioner"),
    ("A member of the public asked whether the footpath would be repaired.", A, None, None),
    ("Councillor Khan asked if the Council would consider a bigger grant.", A, None, None),
    ("The Panel asked the Head of Service to provide more detail at the next meeting.", A,
     None, "the Head of Service"),
    ("The Committee requested that officers bring back a revised policy.", A, None, "officers"),
    ("Resolved that the Clerk be instructed to write to the District Council.", D,
     None, "the Clerk"),
    ("That the decision be called in and referred back to the Cabinet for reconsideration.", R,
     None, "the Cabinet"),
    ("That the matter be deferred to the next meeting.", D, None, None),
    ("That the application be refused for the reasons set out in the report.", D, None, None),
    ("That a working group be set up comprising Councillors Adams, Bell and Cole.", D, None, None),
    ("That the Council's response to the consultation be submitted.", D, None, None),
    ("That Members be reminded to complete their declarations.", D, None, "Members"),
    ("The Clerk will be on leave from 5 August.", A, None, "The Clerk"),
    ("Grounds maintenance contract to be retendered.", A, None, None),
    ("Tree works to be carried out by the contractor in the spring.", A, None, "the contractor"),
    ("Quotes to be obtained by the Clerk.", A, None, "the Clerk"),
    ("Defibrillator pads need replacing.", A, None, None),
    ("New Clerk to start on 1 April.", A, None, "New Clerk"),
]


NONE_CASES = [
    # procedural and complete-on-the-spot limbs: no one must act
    ("That Councillor Patel be elected Chair of the Committee for the ensuing year.", D,
     None, None),
    ("That the following Members be appointed to the Licensing Panel:", D, None, None),
    ("That the minutes of the meeting on 3 May be agreed as a correct record and signed.",
     D, None, None),
    ("That the press and public be excluded from the meeting.", D, None, None),
    ("The Chair declared a personal interest in item 6.", D, None, None),
    ("That the Forward Plan be noted.", D, None, None),
    ("That the Cabinet's response to the review be welcomed.", D, None, None),
    ("That the Committee's thanks be conveyed to the staff of the library service.", D, None, None),
    ("That planning permission be granted subject to the conditions in the report.", D, None, None),
    ("That the revised budget of £2.4m be approved and implemented from April.", D, None, None),
    ("That the Director of Housing's report be noted and a further report be brought back.",
     D, None, None),
    ("That a recommendations monitor be established.", D, None, None),
    ("The Chief Executive reported that the new structure had been implemented.", A, None, None),
    ("Councillor Grey was nominated by Councillor White and duly elected.", D, None, None),
    ("The meeting was adjourned at 8pm and reconvened at 8.15pm.", D, None, None),
    ("The Mayor announced that the next meeting would be on 4 June.", D, None, None),
    ("The Town Clerk read the prayers.", D, None, None),
    ("The Panel welcomed Dr Hughes to the meeting.", D, None, None),
    ("Members discussed the proposal at length.", D, None, None),
    ("That the Council's Treasury Management Strategy be adopted.", R, None, None),
    ("That the Clerk's report be received.", D, None, None),
    ("That officers' recommendations be agreed.", D, None, None),
    ("Cllr Ward's motion was carried.", D, None, None),
]


MORE_STYLE_CASES = [
    # slashes, numbers and initials inside names, 'tasked with', direction given to staff
    ("Cllr Smith and Cllr Jones to meet the developer.", A, None, "Cllr Smith and Cllr Jones"),
    ("The Clerk/RFO to renew the insurance.", A, None, "The Clerk/RFO"),
    ("Check the play area fencing. Owner – Chief Finance Officer", A,
     None, "Chief Finance Officer"),
    ("Democratic Services to circulate the notes.", A, None, "Democratic Services"),
    ("The Section 151 Officer confirmed she would review the reserves policy.", A,
     None, "The Section 151 Officer"),
    ("Mr J. Smith agreed to check the drains.", A, None, "Mr J. Smith"),
    ("Ruth van der Berg agreed to draft the letter.", A, None, "Ruth van der Berg"),
    ("Sean O'Neill to contact the school.", A, None, "Sean O'Neill"),
    ("Dr. Marie-Claire Dubois undertook to review the figures.", A, None,
     "Dr. Marie-Claire Dubois"),
    ("Direction was given to staff to prepare a draft ordinance.", A, None, "staff"),
    ("That approval be given to the Head of Property to dispose of the site.", D,
     None, "the Head of Property"),
    ("The Clerk was tasked with finding a new venue.", A, None, "The Clerk"),
    ("RESOLVED to ask the County Council to review the speed limit.", D,
     None, "the County Council"),
    ("RESOLVED to write to the County Council about the speed limit.", D, None, None),
    ("Council Member Lopez requested that staff prepare a cost estimate.", A, None, "staff"),
    ("Public Works Director Chen will report back in January.", A,
     None, "Public Works Director Chen"),
    ("That consent in principle be given to the draft Order.", D, None, None),
]

ROW_AND_CLAUSE_CASES = [
    # a cell bar or slash before the row, an "Action 3.2 -" label, "to" before a verb
    ("/ Priya to draft the volunteer handbook.", A, None, "Priya"),
    ("| Facilities Manager to replace the lock.", A, None, "Facilities Manager"),
    ("Action 3.2 - Secretariat to update the risk register.", A, None, "Secretariat"),
    ("Mrs K Patel to contact the allotment holders about the water supply.", A,
     None, "Mrs K Patel"),
    # a task worded as an order names no one by its verb
    ("Ask Members to send their availability to the Clerk.", A, None, "Members"),
    ("Chase the contractor for the revised drawings.", A, None, None),
    # the main clause after an opening "Once ..." / "When ..." clause
    ("Once the quotes have been received the Clerk will place the order.", A,
     None, "the Clerk"),
    ("When the survey is complete Cllr Amos will report the findings.", A, None, "Cllr Amos"),
    # a body named as the doer of a future step, not the meeting's own outcome
    ("It was agreed that the Finance Committee will examine the proposal further.", D,
     None, "the Finance Committee"),
    ("Members agreed that the meeting should review the policy annually.", D, None, None),
    # the meeting agreeing to refer a matter: the body it goes to
    ("The Cabinet agreed to refer the petition to the Licensing Committee.", D,
     None, "the Licensing Committee"),
    # an aside with commas of its own, an aside after "That,", authority granted "for"
    ("That the Head of Legal, in consultation with the Cabinet Member for Finance, Assets and "
     "Growth, be authorised to complete the lease.", D, None, "the Head of Legal"),
    ("That, in consultation with the Treasurer, the finance group prepare a draft budget.", D,
     None, "the finance group"),
    ("That authority be granted to the Head of Planning for the execution of an enforcement "
     "notice.", D, None, "the Head of Planning"),
    ("APPROVED the Youth Forum to run a survey of young residents.", A,
     None, "the Youth Forum"),
    # a limb worded as a direction; a requester is not the doer
    ("the Chief Fire Officer bring a report on the pilot to the Committee.", A,
     None, "the Chief Fire Officer"),
    ("Members request sight of the survey before it is distributed.", A, None, None),
    # an action log row: the initials before its date
    ("Further detail to be provided on the staffing ratios KT 14.8.12 Not yet due", A,
     None, "KT"),
    ("Clerk to write to the MP 12 May.", A, None, "Clerk"),
]


ALL_CASES = CASES + MORE_CASES + STYLE_CASES + CLAUSE_CASES + NONE_CASES + MORE_STYLE_CASES \
    + ROW_AND_CLAUSE_CASES


@pytest.mark.parametrize(("text", "kind", "lead_in", "expected"), ALL_CASES)
def test_find_owner(text: str, kind: str, lead_in: str | None, expected: str | None) -> None:
    owner, why = find_owner(text, kind=kind, lead_in=lead_in)
    assert owner == expected, why
    assert why


def test_none_says_why() -> None:
    assert find_owner("That the report be received.", kind=D) == (None, "no owner named")


def test_owner_trimmed_of_trailing_clause() -> None:
    owner, _ = find_owner("That the Director of Finance, in consultation with the Leader, be "
                          "authorised to agree the terms.", kind=D)
    assert owner == "the Director of Finance"


def test_word_lists_are_lower_case_data() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for name, words in data.items():
        if isinstance(words, list) and name not in ("initials_stop", "initials_also_people"):
            assert all(w == w.lower() for w in words), name


def test_import_does_not_load_spacy() -> None:
    code = "import sys, minutes.extractors.owners; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(("phrase", "expected"), [
    ("the Clerk", "the Clerk"), ("Cllr Amira Shah", "Cllr Amira Shah"), ("RG/GP", "RG/GP"),
    ("Members", "Members"), ("The situation", None), ("him", None), ("would", None),
    ("Further unplanned drawdowns", None), ("a report", None),
])
def test_actor_in(phrase: str, expected: str | None) -> None:
    assert actor_in(phrase) == expected


def test_he_or_she_opening_a_commitment_is_the_person_the_sentence_before_opens_with():
    from .helpers import entries

    got = {e.text: e.owner for e in entries(
        "Supervisor Dietrich reported that the Town Attorney had suggested new wording for the "
        "road reserve law. He will place a proposal on the April Agenda.\n")}
    assert got == {"He will place a proposal on the April Agenda.": "Supervisor Dietrich"}


def test_a_thing_to_be_done_names_no_owner_in_an_action_log():
    from .helpers import entries

    got = {e.text: e.owner for e in entries(
        "Matters arising / Action log\nLocal Offers to be reviewed in April meeting.\n"
        "Updated Health Check to be sent with the papers for the next meeting.\n"
        "JM to circulate the forms.\n")}
    assert got == {"Local Offers to be reviewed in April meeting.": None,
                   "Updated Health Check to be sent with the papers for the next meeting.": None,
                   "JM to circulate the forms.": "JM"}


def test_a_role_that_is_also_a_verb_names_who_acts_before_will_or_to() -> None:
    assert find_owner("Chair will discuss the drainage with the contractor.",
                      kind="action")[0] == "Chair"
    assert find_owner("Chair to write to the school.", kind="action")[0] == "Chair"
    assert find_owner("Chair the next meeting in the absence of the Mayor.",
                      kind="action")[0] is None
