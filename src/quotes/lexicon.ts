/**
 * Every word list the quotation extractor uses, in one place.
 *
 * Why hand-written tables: wink-nlp's lite model tags parts of speech but has no quotation or
 * attribution model (and no person tagger), and compromise finds people by lexicon but does not tie
 * words to a speaker. Quote attribution in news is, however, very formulaic — a small closed set of
 * reporting verbs ("said", "told", "added"), a few fixed frames ("according to", "was quoted as
 * saying", "as reported by"), and a few agencies that relay statements. A table is cheap (no model
 * per article), predictable, and easy to extend for a new outlet or a new verb. Compromise's lexicon
 * is borrowed only for facts a table cannot list: which words are first names (and their usual
 * gender), role nouns ("president", "minister"), places and demonyms.
 */

/** How a cue relates its source to its content. */
export type CueKind =
  /** Speech: "said", "told", "added". */
  | 'speech'
  /** Thought or stance: "believes", "thinks", "hopes" (reported, never a quotation frame). */
  | 'thought'
  /** Evidence: "according to", "a poll found", "figures show". */
  | 'evidence';

export interface CueEntry {
  lemma: string;
  kind: CueKind;
  /** The listener comes right after the verb ("told reporters that", "assured Moscow that"). */
  listener?: boolean;
  /** The speaker may follow the verb after a quotation ("...,” said Kim). */
  inverts?: boolean;
  /** Only frames a quotation ("Cruz continued: “...”"); never introduces reported speech. */
  quoteOnly?: boolean;
  /**
   * Takes an object (and maybe a predicate) rather than a clause ("called it a “big mistake”",
   * "endorsed Lee", "defended the plan"): a single name is content enough. The content runs to the
   * end of the clause as for other cues: cutting it at the object's end ("endorsed Lee | last week")
   * matched PolNeAR's content spans less often.
   */
  objectFrame?: boolean;
  /** A "to" infinitive after the verb is content ("hopes to win the seat"). */
  infinitive?: boolean;
  /** The word that must follow the verb for it to be a cue ("declined to comment", not "sales declined"). */
  next?: string;
}

/**
 * Reporting verbs, each with every form it is written in (no stemming at run time: a lookup is a
 * Map get). Chosen as the verbs news writers use to hand the floor to someone; kind and flags decide
 * which frames each verb can open.
 */
const VERBS: Array<[string, Omit<CueEntry, 'lemma'>]> = [
  // speech, invertible ("...,” said X)
  ['say says said saying', { kind: 'speech', inverts: true }],
  ['add adds added adding', { kind: 'speech', inverts: true }],
  ['state states stated stating', { kind: 'speech', inverts: true }],
  ['note notes noted noting', { kind: 'speech', inverts: true }],
  ['write writes wrote writing written', { kind: 'speech', inverts: true }],
  ['explain explains explained explaining', { kind: 'speech', inverts: true }],
  ['declare declares declared declaring', { kind: 'speech', inverts: true }],
  ['insist insists insisted insisting', { kind: 'speech', inverts: true }],
  ['argue argues argued arguing', { kind: 'speech', inverts: true }],
  ['reply replies replied replying', { kind: 'speech', inverts: true }],
  ['respond responds responded responding', { kind: 'speech', inverts: true }],
  ['answer answers answered answering', { kind: 'speech', inverts: true, quoteOnly: true }],
  ['counter counters countered countering', { kind: 'speech', inverts: true }],
  ['recall recalls recalled recalling', { kind: 'speech', inverts: true }],
  ['observe observes observed observing', { kind: 'speech', inverts: true }],
  ['remark remarks remarked remarking', { kind: 'speech', inverts: true }],
  ['quip quips quipped quipping', { kind: 'speech', inverts: true }],
  ['joke jokes joked joking', { kind: 'speech', inverts: true }],
  ['exclaim exclaims exclaimed exclaiming', { kind: 'speech', inverts: true }],
  ['announce announces announced announcing', { kind: 'speech', inverts: true }],
  ['tweet tweets tweeted tweeting', { kind: 'speech', inverts: true }],
  ['report reports reported reporting', { kind: 'speech', inverts: true }],
  ['conclude concludes concluded concluding', { kind: 'speech', inverts: true }],
  ['ask asks asked asking', { kind: 'speech', inverts: true, listener: true }],
  ['continue continues continued continuing', { kind: 'speech', inverts: true, quoteOnly: true }],
  ['begin begins began', { kind: 'speech', quoteOnly: true }],
  ['read reads', { kind: 'speech', inverts: true, quoteOnly: true }],
  // speech, subject first
  ['tell tells told telling', { kind: 'speech', listener: true }],
  ['assure assures assured assuring', { kind: 'speech', listener: true }],
  ['inform informs informed informing', { kind: 'speech', listener: true }],
  ['remind reminds reminded reminding', { kind: 'speech', listener: true }],
  ['warn warns warned warning', { kind: 'speech', inverts: true, listener: true }],
  ['claim claims claimed claiming', { kind: 'speech' }],
  ['assert asserts asserted asserting', { kind: 'speech' }],
  ['allege alleges alleged alleging', { kind: 'speech' }],
  ['contend contends contended contending', { kind: 'speech' }],
  ['maintain maintains maintained maintaining', { kind: 'speech' }],
  ['suggest suggests suggested suggesting', { kind: 'speech' }],
  ['acknowledge acknowledges acknowledged acknowledging', { kind: 'speech' }],
  ['admit admits admitted admitting', { kind: 'speech' }],
  ['concede concedes conceded conceding', { kind: 'speech' }],
  ['confirm confirms confirmed confirming', { kind: 'speech' }],
  ['deny denies denied denying', { kind: 'speech' }],
  ['emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising', { kind: 'speech' }],
  ['stress stresses stressed stressing', { kind: 'speech' }],
  ['reiterate reiterates reiterated reiterating', { kind: 'speech' }],
  ['affirm affirms affirmed affirming', { kind: 'speech' }],
  ['reaffirm reaffirms reaffirmed reaffirming', { kind: 'speech' }],
  ['pledge pledges pledged pledging', { kind: 'speech' }],
  ['promise promises promised promising', { kind: 'speech' }],
  ['vow vows vowed vowing', { kind: 'speech' }],
  ['predict predicts predicted predicting', { kind: 'speech' }],
  ['complain complains complained complaining', { kind: 'speech' }],
  ['charge charges charged charging', { kind: 'speech' }],
  ['reveal reveals revealed revealing', { kind: 'speech' }],
  ['mention mentions mentioned mentioning', { kind: 'speech' }],
  ['testify testifies testified testifying', { kind: 'speech' }],
  ['boast boasts boasted boasting', { kind: 'speech' }],
  ['lament laments lamented lamenting', { kind: 'speech' }],
  ['hint hints hinted hinting', { kind: 'speech' }],
  ['demand demands demanded demanding', { kind: 'speech' }],
  ['propose proposes proposed proposing', { kind: 'speech' }],
  ['urge urges urged urging', { kind: 'speech', listener: true }],
  ['echo echoes echoed echoing', { kind: 'speech', inverts: true }],
  ['shout shouts shouted shouting', { kind: 'speech', inverts: true }],
  ['chant chants chanted chanting', { kind: 'speech', inverts: true, quoteOnly: true }],
  ['proclaim proclaims proclaimed proclaiming', { kind: 'speech', inverts: true }],
  ['muse muses mused musing', { kind: 'speech', inverts: true, quoteOnly: true }],
  ['wonder wonders wondered wondering', { kind: 'speech', inverts: true }],
  ['retort retorts retorted retorting', { kind: 'speech', inverts: true }],
  ['scoff scoffs scoffed scoffing', { kind: 'speech', inverts: true, quoteOnly: true }],
  ['plead pleads pleaded pled pleading', { kind: 'speech', inverts: true }],
  ['caution cautions cautioned cautioning', { kind: 'speech', inverts: true }],
  ['advise advises advised advising', { kind: 'speech', listener: true }],
  ['recommend recommends recommended recommending', { kind: 'speech' }],
  ['concur concurs concurred concurring', { kind: 'speech', inverts: true }],
  ['clarify clarifies clarified clarifying', { kind: 'speech' }],
  ['elaborate elaborates elaborated elaborating', { kind: 'speech', quoteOnly: true }],
  ['confess confesses confessed confessing', { kind: 'speech' }],
  ['recount recounts recounted recounting', { kind: 'speech', inverts: true }],
  ['interject interjects interjected interjecting', { kind: 'speech', inverts: true }],
  ['interrupt interrupts interrupted interrupting', { kind: 'speech', inverts: true, quoteOnly: true }],
  ['snap snaps snapped snapping', { kind: 'speech', inverts: true, quoteOnly: true }],
  ['sigh sighs sighed sighing', { kind: 'speech', inverts: true, quoteOnly: true }],
  ['laugh laughs laughed laughing', { kind: 'speech', inverts: true, quoteOnly: true }],
  ['cry cries cried crying', { kind: 'speech', inverts: true, quoteOnly: true }],
  ['yell yells yelled yelling', { kind: 'speech', inverts: true }],
  ['whisper whispers whispered whispering', { kind: 'speech', inverts: true }],
  ['scream screams screamed screaming', { kind: 'speech', inverts: true }],
  ['call calls called calling', { kind: 'speech', objectFrame: true }],
  ['describe describes described describing', { kind: 'speech', objectFrame: true }],
  ['accuse accuses accused accusing', { kind: 'speech', objectFrame: true }],
  ['dub dubs dubbed dubbing', { kind: 'speech', objectFrame: true }],
  ['label labels labeled labelled labeling labelling', { kind: 'speech', objectFrame: true }],
  ['praise praises praised praising', { kind: 'speech', objectFrame: true }],
  ['criticize criticizes criticized criticizing criticise criticises criticised criticising', { kind: 'speech', objectFrame: true }],
  ['blast blasts blasted blasting', { kind: 'speech', objectFrame: true }],
  ['slam slams slammed slamming', { kind: 'speech', objectFrame: true }],
  ['hail hails hailed hailing', { kind: 'speech', objectFrame: true }],
  ['thank thanks thanked thanking', { kind: 'speech', objectFrame: true }],
  ['condemn condemns condemned condemning', { kind: 'speech', objectFrame: true }],
  ['express expresses expressed expressing', { kind: 'speech', objectFrame: true }],
  // Stance toward a person, plan or claim. PolNeAR (Newell et al. 2018) follows PARC 3.0 in
  // annotating any attributed attitude, not only speech: in the PolNeAR training texts, past forms
  // of these verbs are annotated as cues 70–92% of the time (e.g. "defended" 36 of 39,
  // "rejected" 30 of 36, "endorsed" 71 of 101).
  ['defend defends defended defending', { kind: 'speech', objectFrame: true }],
  ['question questions questioned questioning', { kind: 'speech', objectFrame: true }],
  ['denounce denounces denounced denouncing', { kind: 'speech', objectFrame: true }],
  ['reject rejects rejected rejecting', { kind: 'speech', objectFrame: true }],
  ['dismiss dismisses dismissed dismissing', { kind: 'speech', objectFrame: true }],
  ['blame blames blamed blaming', { kind: 'speech', objectFrame: true }],
  ['mock mocks mocked mocking', { kind: 'speech', objectFrame: true }],
  ['endorse endorses endorsed endorsing', { kind: 'speech', objectFrame: true }],
  ['cite cites cited citing', { kind: 'speech', objectFrame: true }],
  ['support supports supported supporting', { kind: 'speech', objectFrame: true }],
  ['oppose opposes opposed opposing', { kind: 'speech', objectFrame: true }],
  ['attack attacks attacked attacking', { kind: 'speech', objectFrame: true }],
  ['seek seeks sought seeking', { kind: 'speech', objectFrame: true }],
  ['offer offers offered offering', { kind: 'speech', objectFrame: true }],
  ['discuss discusses discussed discussing', { kind: 'speech', objectFrame: true }],
  ['order orders ordered ordering', { kind: 'speech', objectFrame: true }],
  ['deem deems deemed', { kind: 'speech', objectFrame: true }],
  ['repeat repeats repeated repeating', { kind: 'speech', inverts: true }],
  ['post posts posted posting', { kind: 'speech', inverts: true }],
  ['learn learns learned learnt', { kind: 'thought' }],
  // More stance verbs PolNeAR annotates with the subject as source (issue 4): praise and blame in
  // other words, backing and pushing for a cause, voicing a view, citing a reason.
  ['decry decries decried decrying', { kind: 'speech', objectFrame: true }],
  ['voice voices voiced voicing', { kind: 'speech', objectFrame: true }],
  ['back backs backed', { kind: 'speech', objectFrame: true }],
  ['vote voted', { kind: 'speech', objectFrame: true }],
  ['push pushes pushed pushing', { kind: 'speech', objectFrame: true }],
  ['tout touts touted touting', { kind: 'speech', objectFrame: true }],
  ['highlight highlights highlighted highlighting', { kind: 'speech', objectFrame: true }],
  ['assail assails assailed assailing', { kind: 'speech', objectFrame: true }],
  ['lambaste lambastes lambasted lambasting lambast lambasts', { kind: 'speech', objectFrame: true }],
  ['rip rips ripped ripping', { kind: 'speech', objectFrame: true }],
  ['chide chides chided chiding', { kind: 'speech', objectFrame: true }],
  ['scold scolds scolded scolding', { kind: 'speech', objectFrame: true }],
  ['castigate castigates castigated castigating', { kind: 'speech', objectFrame: true }],
  ['rebuke rebukes rebuked rebuking', { kind: 'speech', objectFrame: true }],
  ['ridicule ridicules ridiculed ridiculing', { kind: 'speech', objectFrame: true }],
  ['applaud applauds applauded applauding', { kind: 'speech', objectFrame: true }],
  ['champion champions championed championing', { kind: 'speech', objectFrame: true }],
  ['disavow disavows disavowed disavowing', { kind: 'speech', objectFrame: true }],
  ['repudiate repudiates repudiated repudiating', { kind: 'speech', objectFrame: true }],
  ['disparage disparages disparaged disparaging', { kind: 'speech', objectFrame: true }],
  ['insult insults insulted insulting', { kind: 'speech', objectFrame: true }],
  ['bash bashes bashed bashing', { kind: 'speech', objectFrame: true }],
  ['fault faults faulted faulting', { kind: 'speech', objectFrame: true }],
  ['sees', { kind: 'thought' }],
  ['laud lauds lauded lauding', { kind: 'speech', objectFrame: true }],
  ['welcomed', { kind: 'speech', objectFrame: true }],
  ['characterize characterizes characterized characterizing characterise characterises characterised characterising', { kind: 'speech', objectFrame: true }],
  ['portray portrays portrayed portraying', { kind: 'speech', objectFrame: true }],
  ['branded', { kind: 'speech', objectFrame: true }],
  ['signaled signalled signals signaling signalling', { kind: 'speech', objectFrame: true }],
  ['floated', { kind: 'speech', objectFrame: true }],
  // Only the present: "wants to" states the subject's aim; "wanted" and "plan" report it less often.
  ['wants', { kind: 'thought', infinitive: true }],
  ['decide decides decided', { kind: 'thought', infinitive: true }],
  ['plans', { kind: 'thought', infinitive: true }],
  // Refusals: what was declined is the content ("declined to comment", annotated 68 of 88 times).
  ['decline declines declined declining', { kind: 'speech', next: 'to' }],
  ['refuse refuses refused refusing', { kind: 'speech', next: 'to' }],
  // thought and stance
  ['think thinks thought', { kind: 'thought' }],
  ['believe believes believed', { kind: 'thought' }],
  // "hopes to win" is annotated as an attitude with its infinitive as content (PolNeAR: 30 of 41
  // "hopes/hoping/hoped to" in the training texts).
  ['hope hopes hoped hoping', { kind: 'thought', infinitive: true }],
  ['fear fears feared', { kind: 'thought' }],
  ['expect expects expected', { kind: 'thought' }],
  ['know knows knew', { kind: 'thought' }],
  ['feel feels felt', { kind: 'thought' }],
  ['worry worries worried', { kind: 'thought' }],
  ['doubt doubts doubted', { kind: 'thought' }],
  ['suspect suspects suspected', { kind: 'thought' }],
  ['estimate estimates estimated', { kind: 'thought' }],
  ['agree agrees agreed', { kind: 'thought', infinitive: true }],
  ['realize realizes realized realise realises realised', { kind: 'thought' }],
  ['understand understands understood', { kind: 'thought' }],
  // evidence ("a poll found", "the data show")
  ['show shows showed shown', { kind: 'evidence' }],
  ['find finds found', { kind: 'evidence' }],
  ['indicate indicates indicated', { kind: 'evidence' }],
];

/**
 * Verb forms that are as often nouns ("the report", "a call", "his claims"): a cue only right after
 * a subject-like word or when inverted after a quotation ("..., reports Reuters").
 */
export const NOUN_LIKE_FORMS = new Set(
  ('report reports call calls fear fears hope hopes estimate estimates doubt doubts claim claims promise promises ' +
    'demands remarks thanks charge charges notes writes read show shows find finds answers counter counters post tweets ' +
    'defends question questions rejects dismisses blame blames mocks cites declines refuses support supports attack ' +
    'attacks offer offers order orders posts repeat backs push pushes voice voices highlight highlights ' +
    'insult insults champion champions plans rip rips fault faults wants retort retorts note reply replies answer').split(' '),
);

/** Forms never taken as a cue on their own ("the state", "the United States"; "stated" is fine). */
export const NEVER_CUE_FORMS = new Set(['state', 'states', 'back', 'vote']);

/** Multi-word cues, matched as token sequences (in table order) before single verbs. */
export const PHRASE_CUES: Array<{ words: string[]; entry: CueEntry }> = [
  ['according to', 'according', 'evidence'],
  ['was quoted as saying', 'say', 'speech'],
  ['was quoted saying', 'say', 'speech'],
  ['were quoted as saying', 'say', 'speech'],
  ['is quoted as saying', 'say', 'speech'],
  ['went on to say', 'say', 'speech'],
  ['goes on to say', 'say', 'speech'],
  ['point out', 'point out', 'speech'],
  ['points out', 'point out', 'speech'],
  ['pointed out', 'point out', 'speech'],
  ['pointing out', 'point out', 'speech'],
  ['made clear', 'make clear', 'speech'],
  ['made it clear', 'make clear', 'speech'],
  ['makes clear', 'make clear', 'speech'],
  ['called for', 'call for', 'speech'],
  ['calls for', 'call for', 'speech'],
  ['calling for', 'call for', 'speech'],
  ['called on', 'call on', 'speech'],
  ['calls on', 'call on', 'speech'],
  ['went on', 'continue', 'speech'],
  ['put it', 'put', 'speech'],
  ['shot back', 'shoot back', 'speech'],
  ['fired back', 'fire back', 'speech'],
  ['hit back', 'hit back', 'speech'],
  ['shoots back', 'shoot back', 'speech'],
  ['fires back', 'fire back', 'speech'],
  ['puts it', 'put', 'speech'],
  ['issued a statement', 'state', 'speech'],
  ['issued the following statement', 'state', 'speech'],
  ['released a statement', 'state', 'speech'],
  ['released the following statement', 'state', 'speech'],
  ['put out a statement', 'state', 'speech'],
  ['said in a statement', 'say', 'speech'],
  // What someone talks about or points to is the content (a noun phrase), as PolNeAR marks it.
  ['talked about', 'talk about', 'speech'],
  ['talks about', 'talk about', 'speech'],
  ['talking about', 'talk about', 'speech'],
  ['spoke about', 'talk about', 'speech'],
  ['referring to', 'refer to', 'speech'],
  ['referred to', 'refer to', 'speech'],
  ['refers to', 'refer to', 'speech'],
  ['pointed to', 'point to', 'speech'],
  ['points to', 'point to', 'speech'],
  ['pointing to', 'point to', 'speech'],
  // Stances in a fixed phrase (issue 4): the object is the content, the subject the source.
  ['took aim at', 'take aim', 'speech'],
  ['takes aim at', 'take aim', 'speech'],
  ['taking aim at', 'take aim', 'speech'],
  ['took a swipe at', 'take aim', 'speech'],
  ['took swipes at', 'take aim', 'speech'],
  ['lashed out at', 'lash out', 'speech'],
  ['lashes out at', 'lash out', 'speech'],
  ['lashing out at', 'lash out', 'speech'],
  ['weighed in', 'weigh in', 'speech'],
  ['weighs in', 'weigh in', 'speech'],
  ['spoke out', 'speak out', 'speech'],
  ['speaks out', 'speak out', 'speech'],
  ['speaking out', 'speak out', 'speech'],
  ['came out against', 'come out', 'speech'],
  ['came out in favor of', 'come out', 'speech'],
  ['came out in support of', 'come out', 'speech'],
  ['sided with', 'side with', 'speech'],
  ['sides with', 'side with', 'speech'],
  ['siding with', 'side with', 'speech'],
].map(([phrase, lemma, kind]) => ({
  words: phrase!.split(' '),
  entry: {
    lemma: lemma!,
    kind: kind as CueKind,
    quoteOnly: phrase === 'went on' ? true : undefined,
    inverts: lemma === 'say' && phrase!.startsWith('said') ? true : undefined,
    objectFrame: /^(talk about|refer to|point to|take aim|lash out|come out|side with)$/.test(lemma!) ? true : undefined,
  },
}));

export const VERB_CUES: Map<string, CueEntry> = new Map(
  VERBS.flatMap(([forms, entry]) => forms.split(' ').map((f) => [f, { lemma: forms.split(' ')[0]!, ...entry }] as const)),
);

/** Present participles, which open a cue without a subject of their own ("..., saying “...”"). */
export function isParticiple(form: string): boolean {
  return form.endsWith('ing');
}

/** Words that may sit between a speaker and the verb ("Kim also said", "she has repeatedly argued"). */
export const PRE_VERB = new Set(
  ('also however meanwhile instead nonetheless later then previously repeatedly recently reportedly publicly privately separately further once again earlier ' +
    'has have had was were is are will would could should may might must can did does do not never just only even still ' +
    'quickly simply himself herself themselves itself already often first last later flatly bluntly openly explicitly ' +
    'initially subsequently originally immediately frequently allegedly apparently reportedly long since ever always ' +
    'both all each similarly likewise personally directly clearly strongly firmly emphatically angrily calmly happily ' +
    'sadly proudly jokingly famously memorably curtly tersely falsely correctly rightly wrongly accurately ' +
    'continually consistently constantly routinely regularly formally officially pointedly ' +
    "haven't hasn't hadn't didn't don't doesn't won't wouldn't can't couldn't isn't wasn't weren't aren't " +
    'haven’t hasn’t hadn’t didn’t don’t doesn’t won’t wouldn’t can’t couldn’t isn’t wasn’t weren’t aren’t').split(' '),
);

/** Pronouns that may stand for a speaker. */
export const PERSONAL_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that']);

/**
 * Titles and roles written before a name ("Russian President Vladimir Putin", "Sen. Ted Cruz"):
 * stripped from a person's name and kept as the person's role. Compromise's `Actor` and `Honorific`
 * words are added at load time (see `names.ts`).
 */
export const TITLES = new Set(
  ('mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sen sen. rep rep. gov gov. gen gen. lt lt. col col. capt capt. sgt sgt. ' +
    'adm adm. maj maj. cmdr cmdr. rev rev. fr fr. st st. hon hon. pres pres. sir dame lord lady sheikh sheik imam rabbi pastor ' +
    'president vice prime minister ministers deputy secretary general chief leader chairman chairwoman chair director ' +
    'governor senator representative congressman congresswoman congressmember mayor judge justice attorney ambassador ' +
    'spokesman spokeswoman spokesperson commander colonel captain lieutenant sergeant admiral marshal king queen prince ' +
    'princess pope emperor dictator chancellor premier candidate nominee hopeful frontrunner front-runner contender ' +
    'former ex top senior acting interim incoming outgoing then-president then-candidate president-elect vice-president ' +
    'head official officer envoy negotiator adviser advisor aide strategist analyst expert professor economist researcher ' +
    'founder ceo cfo coo executive manager editor correspondent reporter journalist columnist commentator anchor host ' +
    'businessman businesswoman billionaire magnate mogul activist lawyer author writer historian scientist doctor ' +
    'defense defence foreign interior security state finance economy trade justice health education energy home ' +
    'affairs national regional federal supreme military army navy party state-run').split(' '),
);

/** Head words that make a name an organisation ("Ministry of Foreign Affairs", "the White House"). */
export const ORG_HEADS = new Set(
  ('ministry ministries agency agencies department office council committee commission house government party campaign ' +
    'administration court congress senate parliament assembly kremlin pentagon army military forces navy police service ' +
    'services bureau center centre institute university college school foundation association union company corporation ' +
    'corp corp. inc inc. llc ltd group board organization organisation network news times post journal tribune herald ' +
    'gazette daily press media tass kcna reuters embassy mission command staff headquarters cabinet secretariat ' +
    'fund bank commission federation league alliance coalition movement front council caucus chamber club society ' +
    'institution authority authorities regime channel radio television tv broadcaster newspaper magazine wire ' +
    'website blog pac super-pac poll survey study report statement ministry’s convention garden church cathedral ' +
    'stadium arena hotel airport airlines airline airways crash hospital museum library court courthouse').split(' '),
);

/** Plural or collective nouns that can speak as a group ("officials said", "critics argue"). */
export const GROUP_NOUNS = new Set(
  ('officials sources analysts experts critics aides advisers advisors lawmakers legislators senators residents voters ' +
    'supporters opponents protesters protestors observers diplomats authorities investigators prosecutors police ' +
    'witnesses democrats republicans conservatives liberals progressives economists researchers scientists leaders ' +
    'members people americans activists organizers organisers strategists insiders operatives donors delegates ' +
    'candidates polls surveys reports studies data figures documents records statistics numbers estimates ' +
    'observers commentators pundits historians scholars doctors lawyers attorneys officers soldiers troops families ' +
    'parents students workers employees staffers aides spokespeople representatives allies rivals critics fans ' +
    'respondents participants users readers viewers citizens residents locals villagers farmers ' +
    'government officials military officials').split(' '),
);

/** Common nouns that head a speaker phrase ("the minister said", "a spokesman added"). */
export const SPEAKER_NOUNS = new Set(
  ('spokesman spokeswoman spokesperson official source analyst expert critic aide adviser advisor lawmaker legislator ' +
    'senator resident voter supporter opponent protester observer diplomat investigator prosecutor witness minister ' +
    'president leader secretary governor mayor chairman chairwoman director chief head candidate nominee campaign ' +
    'statement report poll survey study ministry agency department government administration committee council ' +
    'spokesperson representative congressman congresswoman ambassador envoy commander general officer lawyer attorney ' +
    'economist researcher scientist professor author writer columnist editor reporter correspondent activist ' +
    'organizer strategist operative donor delegate billionaire businessman businesswoman founder executive manager ' +
    'official owner judge justice friend neighbor neighbour relative brother sister mother father son daughter wife ' +
    'husband man woman person one member fan host anchor commentator pundit historian doctor teacher student worker ' +
    'employee staffer ally rival king queen prince pope premier chancellor dictator regime embassy kremlin').split(' '),
);

/**
 * Channels: agencies, broadcasters and papers that relay other people's words. Named channels are
 * written as the text writes them; these canonical spellings are only used to recognise them.
 */
export const KNOWN_CHANNELS = new Map<string, string>(
  [
    ['kcna', 'KCNA'],
    ['korean central news agency', 'KCNA'],
    ['rodong sinmun', 'Rodong Sinmun'],
    ['tass', 'TASS'],
    ['itar-tass', 'ITAR-TASS'],
    ['ria novosti', 'RIA Novosti'],
    ['ria', 'RIA'],
    ['interfax', 'Interfax'],
    ['sputnik', 'Sputnik'],
    ['rt', 'RT'],
    ['reuters', 'Reuters'],
    ['ap', 'AP'],
    ['associated press', 'AP'],
    ['afp', 'AFP'],
    ['agence france-presse', 'AFP'],
    ['agence france presse', 'AFP'],
    ['yonhap', 'Yonhap'],
    ['xinhua', 'Xinhua'],
    ['kyodo', 'Kyodo'],
    ['nhk', 'NHK'],
    ['bloomberg', 'Bloomberg'],
    ['bbc', 'BBC'],
    ['cnn', 'CNN'],
    ['al jazeera', 'Al Jazeera'],
    ['ukrinform', 'Ukrinform'],
    ['unian', 'UNIAN'],
    ['moscow times', 'The Moscow Times'],
    ['kyiv independent', 'The Kyiv Independent'],
    ['politico', 'Politico'],
    ['axios', 'Axios'],
  ],
);

/** Words that make a phrase a channel ("state media", "the official news agency", "The Moscow Times"). */
export const CHANNEL_HEADS = new Set(
  ('media agency news wire newspaper paper broadcaster television tv radio channel outlet daily times post journal ' +
    'tribune herald gazette telegraph guardian independent press sinmun').split(' '),
);

/** Words that end a channel phrase early ("Reuters reported Thursday" → "Reuters"). */
export const CHANNEL_VERBS = new Set(['reported', 'reports', 'said', 'says', 'quoted', 'cited', 'carried', 'published', 'aired', 'broadcast']);


/** Sentence-initial or capitalised function words that are never part of a name. */
export const NOT_NAME = new Set(
  ('the a an and but or nor so yet for in on at to of by with from as if when while after before since because ' +
    'although though however meanwhile moreover furthermore also still then there here this that these those it its ' +
    'he she they we i you his her their our my your who whom whose which what where why how yes no not all some many ' +
    'most more much few several each every both either neither one two three four five six seven eight nine ten ' +
    'first second third last next new other another such only just even now today yesterday tomorrow tonight ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december earlier later instead indeed besides despite during until unless ' +
    'according asked said says mr mrs ms dr sen rep gov breaking update updated read watch see photo video ' +
    'advertisement related share comments click follow subscribe').split(' '),
);

/** Particles inside names ("Bashar al-Assad", "Ludwig van Beethoven"). */
export const NAME_PARTICLES = new Set(['al', 'al-', 'el', 'bin', 'ibn', 'van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'du', 'la', 'le', 'ter', 'mac', 'jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

/** Words that start a content clause ("said that ...", "told reporters that ..."). */
export const COMPLEMENTIZERS = new Set(['that']);

/** Prepositions that may open an adjunct between a cue and its content ("said on Tuesday that"). */
export const ADJUNCT_STARTS = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'last', 'this', 'earlier', 'later', 'late', 'early', 'yesterday', 'today', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'recently', 'again', 'also', 'repeatedly', 'privately', 'publicly', 'then', 'while', 'when', 'via', 'through', 'over', 'to', 'with', 'about', 'of']);
