/**
 * Invented news articles for tests (our own text: no third-party content in the repo). Each topic
 * is a small made-up story; `article(topic, n)` varies the wording so articles differ in content
 * while staying on one subject, so grouping has something real to do.
 */
export interface Topic {
  title: string;
  place: string;
  people: string[];
  facts: string[];
}

export const TOPICS: Topic[] = [
  {
    title: 'Flooding closes the Varna river crossings',
    place: 'Varnaton',
    people: ['Mayor Elena Dastrova', 'engineer Piotr Halden'],
    facts: [
      'The Varna river rose four metres overnight and closed both bridges into Varnaton.',
      'Rescue crews moved 1,200 residents from the lower districts to school gyms.',
      'The regional water authority said the dam upstream was holding but releasing water.',
      'Farmers along the valley reported flooded fields and drowned livestock.',
    ],
  },
  {
    title: 'Glassworks strike enters its third week in Orlen Bay',
    place: 'Orlen Bay',
    people: ['union leader Marta Sovik', 'plant director Jonas Averell'],
    facts: [
      'Workers at the Orlen Bay glassworks walked out over pay and night shifts.',
      'The company offered a four percent raise, which the union rejected on Monday.',
      'Deliveries of bottles to breweries across the coast have stopped.',
      'Talks are due to resume with a mediator from the labour ministry.',
    ],
  },
  {
    title: 'Comet Tessaly will be visible to the naked eye next month',
    place: 'the Kestrel Observatory',
    people: ['astronomer Ines Calder', 'student Ravi Monteiro'],
    facts: [
      'Comet Tessaly was first spotted by a student telescope at the Kestrel Observatory.',
      'Its tail already stretches across two degrees of sky in long exposures.',
      'Observers should look low in the western sky just after sunset.',
      'The comet last passed the inner solar system about six thousand years ago.',
    ],
  },
];

const OPENERS = ['Officials confirmed on Tuesday that', 'Local reports say', 'According to residents,', 'It emerged this week that'];

/** The n-th article about a topic: same subject, different wording and order. */
export function article(topic: Topic, n: number): string {
  const facts = topic.facts.map((_, i) => topic.facts[(i + n) % topic.facts.length]!);
  const person = topic.people[n % topic.people.length]!;
  const lines = [
    `${topic.title}${n ? ` (update ${n})` : ''}`,
    '',
    `${OPENERS[n % OPENERS.length]} ${facts[0]!.charAt(0).toLowerCase()}${facts[0]!.slice(1)}`,
    `"We are doing everything we can," said ${person} in ${topic.place}.`,
    ...facts.slice(1),
    `Report number ${n} on this subject was filed from ${topic.place}.`,
  ];
  return `${lines.join('\n')}\n`;
}
