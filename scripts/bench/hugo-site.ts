import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { corpusEntries, LANGUAGE_NAMES, LOCALES, RIGHT_TO_LEFT, SITE_NAMES, type Locale } from './corpus.ts';

/*
 * The Hugo site Loa is measured against: the same guides and messages (the same Markdown files,
 * at the same paths under content/), with minimal layouts written here, so that no theme is
 * downloaded. Per locale it has what Loa's benchmark site has and a campaign needs: a page per
 * guide and per message, a list page per kind, a home page (the first 6 guides and the latest 4
 * messages, as Loa's), a search page and a 404 page, RSS feeds (home and each kind), a sitemap;
 * screenshots become WebP in the three widths Loa makes, with a srcset. Only guide and message
 * pages are marked for Pagefind, as in Loa.
 */

/** Each kind's list title: in the benchmark's three locales, in English elsewhere (as Loa's labels fall back). */
const KIND_TITLES = {
  guides: { vi: 'Hướng dẫn', en: 'Guides', zh: '指南' },
  messages: { vi: 'Thông điệp', en: 'Messages', zh: '消息' },
} as const;
const kindTitle = (kind: keyof typeof KIND_TITLES, locale: Locale) => (KIND_TITLES[kind] as Partial<Record<Locale, string>>)[locale] ?? KIND_TITLES[kind].en;

const config = (locales: readonly Locale[]) =>
  [
    'baseURL = "https://bench.example.org/"',
    'defaultContentLanguage = "vi"',
    'defaultContentLanguageInSubdir = true',
    'disableKinds = ["taxonomy", "term"]',
    'enableRobotsTXT = true',
    ...locales.flatMap((locale, i) => [
      `[languages.${locale}]`,
      `  languageName = "${LANGUAGE_NAMES[locale]}"`,
      `  contentDir = "content/${locale}"`,
      `  title = "${SITE_NAMES[locale]}"`,
      `  weight = ${i + 1}`,
      ...(RIGHT_TO_LEFT.includes(locale) ? ['  languageDirection = "rtl"'] : []),
    ]),
    '',
  ].join('\n');

const card = '<li><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3><p>{{ .Params.summary }}</p></li>';

const LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `<!DOCTYPE html>
<html lang="{{ .Language.Lang }}"{{ with .Language.LanguageDirection }} dir="{{ . }}"{{ end }}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Title }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .Translations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}{{ range .AlternativeOutputFormats }}<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">
{{ end }}<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:auto;padding:0 1rem}img{max-width:100%;height:auto}</style>
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}<a href="{{ relLangURL "search/" }}">Search</a></nav>
<nav aria-label="Languages">{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ site.Title }}</footer>
</body>
</html>
`,
  '_default/single.html': `{{ define "main" }}<article data-pagefind-body>
<h1>{{ .Title }}</h1>
<p>{{ .Params.summary }}</p>
{{ if eq .Section "guides" }}<p>{{ .Params.app }} · {{ delimit .Params.platforms ", " }} · {{ .Params.minutes }} min</p>{{ else }}<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>{{ end }}
{{ .Content }}
</article>{{ end }}
`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ $pages := .Pages }}{{ if eq .Section "guides" }}{{ $pages = sort .Pages "Params.order" }}{{ end }}{{ range $pages }}${card}{{ end }}</ul>{{ end }}
`,
  'index.html': `{{ define "main" }}<h1>{{ site.Title }}</h1>
<h2>{{ (site.GetPage "/guides").Title }}</h2>
<ul>{{ range first 6 (sort (where site.RegularPages "Section" "guides") "Params.order") }}${card}{{ end }}</ul>
<h2>{{ (site.GetPage "/messages").Title }}</h2>
<ul>{{ range first 4 (where site.RegularPages "Section" "messages").ByDate.Reverse }}${card}{{ end }}</ul>{{ end }}
`,
  '_default/search.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<div id="search"></div>
<script src="/pagefind/pagefind-ui.js"></script>
<script>window.addEventListener('DOMContentLoaded', () => new PagefindUI({ element: '#search' }));</script>{{ end }}
`,
  '404.html': `{{ define "main" }}<h1>404</h1><p><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>{{ end }}
`,
  '_default/_markup/render-image.html': `{{ $image := resources.Get (printf "images/%s" (path.Base .Destination)) }}{{ $small := $image.Resize "252x webp" }}{{ $medium := $image.Resize "504x webp" }}{{ $large := $image.Resize "756x webp" }}<img alt="{{ .Text }}" loading="lazy" decoding="async" width="{{ $small.Width }}" height="{{ $small.Height }}" src="{{ $small.RelPermalink }}" srcset="{{ $small.RelPermalink }} 252w, {{ $medium.RelPermalink }} 504w, {{ $large.RelPermalink }} 756w" sizes="(max-width: 284px) calc(100vw - 32px), 252px">`,
};

/**
 * Every file of the Hugo site for `n` guides and `n` messages per locale (of `locales`), by path, the
 * screenshot aside: configuration, layouts, each kind's list page and the search page in each
 * locale, and the corpus's Markdown at the same paths as in Loa's site. Pure, so that a test can
 * compare it with Loa's corpus.
 */
export function hugoSiteFiles(n: number, locales: readonly Locale[] = LOCALES): Map<string, string> {
  const files = new Map<string, string>([['hugo.toml', config(locales)]]);
  for (const [path, text] of Object.entries(LAYOUTS)) files.set(join('layouts', path), text);
  for (const locale of locales) {
    for (const kind of ['guides', 'messages'] as const)
      files.set(join('content', locale, kind, '_index.md'), `---\ntitle: "${kindTitle(kind, locale)}"\n---\n`);
    files.set(join('content', locale, 'search.md'), '---\ntitle: Search\nlayout: search\n---\n');
  }
  for (const entry of corpusEntries(n, locales)) files.set(join('content', entry.locale, entry.kind, `${entry.slug}.md`), entry.text);
  return files;
}

/** Writes the Hugo site of `n` guides and `n` messages per locale (of `locales`) into `dir`, with `screenshot` as its one image. */
export function writeHugoSite(dir: string, n: number, screenshot: string, locales: readonly Locale[] = LOCALES): void {
  for (const [path, text] of hugoSiteFiles(n, locales)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(dir, 'assets', 'images'), { recursive: true });
  copyFileSync(screenshot, join(dir, 'assets', 'images', 'screen.png'));
}
