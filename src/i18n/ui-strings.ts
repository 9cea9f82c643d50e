import type { Label, PluralForms } from './plural.ts';

/**
 * Every label the layout shows, with its English text. A locale's `ui.yaml` overrides any of
 * them; a missing one falls back along the locale's fallback chain, then to these.
 * `{name}` marks a value filled in when the label is shown. A label that counts (`{n}`) has one
 * text per plural category of English (`one`, `other`); see plural.ts.
 */
export const UI_DEFAULTS = {
  skipToContent: 'Skip to main content',
  languages: 'Languages',
  chooseLanguage: 'Choose your language',
  mainNavigation: 'Main',
  guides: 'Guides',
  guidesIntro: 'Step-by-step instructions, one screen at a time.',
  messages: 'Messages',
  messagesIntro: 'News and messages from the campaign.',
  allGuides: 'All guides',
  allMessages: 'All messages',
  latestMessages: 'Latest messages',
  stepCount: { one: '{n} step', other: '{n} steps' },
  minutes: { one: 'About 1 minute', other: 'About {n} minutes' },
  app: 'App',
  platformsLabel: 'For',
  'platform.android': 'Android',
  'platform.ios': 'iPhone',
  'platform.web': 'Web browser',
  choosePlatform: 'Choose your phone',
  showAllPlatforms: 'Show all',
  prerequisites: 'Before you start',
  published: 'Published',
  topics: 'Topics',
  broadcastNote: 'This message is also read on radio and loudspeakers.',
  downloadText: 'Download the text for reading aloud',
  fallbackNotice: 'This page is not yet available in {reader}. It is shown in {shown}.',
  alsoAvailableIn: 'Also available in:',
  notFoundTitle: 'Page not found',
  notFoundBody: 'We could not find this page. It may have moved, or the address may be mistyped.',
  backHome: 'Go to the home page',
  issuedBy: 'Issued by',
  contact: 'Contact',
  phone: 'Phone',
  email: 'E-mail',
  search: 'Search',
  searchLabel: 'Search guides and messages',
  searchNeedsJs: 'Search needs JavaScript, which is off or not available in this browser. Here are all the guides instead.',
  searchResults: { one: '1 result for “{q}”', other: '{n} results for “{q}”' },
  searchNoResults: 'Nothing found for “{q}”. Try other or fewer words.',
  searchAll: 'See all results',
  filterType: 'Type',
  filterPlatform: 'Phone',
  filterTopic: 'Topic',
  typeGuide: 'Guide',
  typeMessage: 'Message',
  searchFilters: 'Filters',
  statusTitle: 'Translation status',
  statusIntro: 'Which pages each language has, and which translations no longer follow their source.',
  statusPage: 'Page',
  'state.source': 'source',
  'state.current': 'translated',
  'state.outdated': 'outdated',
  'state.unknown': 'not tracked',
  'state.missing': 'missing',
  embedTitle: 'Put this guide on your website',
  embedHelp: 'Copy this code into your page:',
  posterScan: 'Scan the code with your phone camera',
  posterCtaGuides: 'Scan the code for the step-by-step guide',
  posterCtaMessages: 'Scan the code to read the whole message',
  posterStepsFor: 'Steps for {platform}',
  posterMoreSteps: 'All the steps are at the address below.',
  posterType: 'Or type this address:',
  posterSafety: 'Check that the address starts with {domain} and that no sticker covers the code.',
  posterIssued: 'Issued on {date}',
  retiredNotice: 'This poster is no longer in use. The campaign home page has the current information.',
  galleryTitle: 'Posters',
  galleryIntro: 'Every poster of the campaign, for editors and print shops.',
  galleryCode: 'Code',
  galleryTarget: 'Page',
  galleryPlace: 'Where it hangs',
  gallerySize: 'Paper',
  galleryStatus: 'Status',
  galleryFiles: 'Files',
  galleryDistance: 'Scanned from',
  galleryModule: 'QR module',
  galleryCards: 'Hand-out cards (A7 × 8)',
  statusActive: 'active',
  statusRetired: 'retired',
  printPage: 'Print page',
  // The odd corners (issue 16): 404 suggestion, the for-websites page.
  didYouMean: 'Did you mean {link}?',
  forWebsites: 'For websites: put our guides on your page',
  forWebsitesTitle: 'For websites',
  forWebsitesIntro: 'Each guide can appear on your website as a small card that links to the full guide. Copy its code into your page.',
  // Listen and share (issue 16): the row of tools under a guide's or message's title.
  listen: 'Listen',
  listenPause: 'Pause',
  listenResume: 'Resume',
  listenStop: 'Stop reading',
  share: 'Share',
  linkCopied: 'Link copied',
  copyLinkByHand: 'Copy this link:',
  // Broadcast kit (issue 18): reading time, short versions, recordings, podcast, schedule.
  readingTime: 'Reading aloud takes about {time}.',
  shortVersion30: 'Version for a 30-second slot',
  shortVersion60: 'Version for a 60-second slot',
  recording: 'Recording',
  recordingTranscript: 'The text of this page is the transcript of the recording.',
  downloadRecording: 'Download the recording',
  podcast: 'Podcast of the recordings, for radio stations',
  podcastDescription: 'Recordings of the campaign’s messages, for radio stations and loudspeaker systems to broadcast.',
  broadcastSchedule: 'Broadcast schedule',
  broadcastScheduleIntro: 'When each message is read on loudspeakers and radio, week by week, with the texts to read. Print it for the operators.',
  broadcastCalendar: 'Add the schedule to a calendar (.ics)',
  weekOf: 'Week from {from} to {to}',
  scheduleDate: 'Date',
  scheduleTime: 'Time',
  scheduleMessage: 'Message',
  scheduleReading: 'Reading time',
  scriptsToRead: 'Texts to read',
  podcastTitle: 'Recorded messages',
  // Offline reading (issue 16): the page shown for a page not saved on the phone, without a signal; the keep-this-guide button.
  offlineTitle: 'No connection',
  offlineBody: 'This page is not saved on this phone. The pages you opened before can be read without a signal.',
  offlineSaved: 'Saved on this phone',
  offlineKeep: 'Keep this guide on my phone',
  offlineKept: 'Kept on this phone: it opens without a signal.',
  offlineNotKept: 'Only pages in the language you first read are kept on this phone.',
  // Drafts (issue 17): a page or translation saved with draft: true, in the translation status.
  'state.draft': 'draft',
} as const satisfies Record<string, Label>;

/** The name of a UI label. */
export type UiKey = keyof typeof UI_DEFAULTS;

/** True when `key` names a known UI label. */
export function isUiKey(key: string): key is UiKey {
  return Object.hasOwn(UI_DEFAULTS, key);
}

/** The UI labels of each locale as written in its `ui.yaml`: locale code → label key → label. */
export type UiLabels = Record<string, Record<string, Label>>;

/** The built-in English text of a label: its `other` form for a label that counts, as editors see it in messages. */
export function englishText(key: UiKey): string {
  const label: Label = UI_DEFAULTS[key];
  return typeof label === 'string' ? label : (label.other ?? '');
}

/** True for a label that counts (its English text uses `{n}`): only these may have plural forms. */
export function isCountLabel(key: UiKey): boolean {
  return placeholders(englishText(key)).includes('n');
}

/** Every label that counts, for messages that list them. */
export function countLabels(): UiKey[] {
  return (Object.keys(UI_DEFAULTS) as UiKey[]).filter(isCountLabel);
}

/** True for a label written as plural forms rather than one text. */
export function isPluralForms(label: Label | undefined): label is PluralForms {
  return typeof label === 'object' && label !== null;
}

/** A `{name}` placeholder in a label. */
const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills `{name}` placeholders in a label with the values given. Only the values' own keys count:
 * `{constructor}` or `{toString}` in a label stays as written instead of printing JavaScript source.
 */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole));
}

/** The placeholder names a label uses, each once, in order: `{n} results for “{q}”` → n, q. */
export function placeholders(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1]!))];
}
