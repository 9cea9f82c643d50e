import { formatProblems, type Problem } from '../model/problems.ts';
import { escapeXml } from '../lib/xml.ts';

/** Where the problems page asks the preview whether the content was loaded again. */
export const PREVIEW_STATUS = '/__loa/preview';

/**
 * The page the live preview shows instead of any page while the content has problems: the same
 * text `npm run check` prints, and a small script that reloads the page as soon as the content
 * was loaded again, so it comes back by itself when the editor has fixed the file.
 */
export function problemsPage(problems: Problem[], version: number): string {
  const text = problems.length ? formatProblems(problems) : 'Loa could not read the site settings (content/site.yaml).';
  const reload = `(async()=>{for(;;){await new Promise(r=>setTimeout(r,500));try{const s=await (await fetch('${PREVIEW_STATUS}',{cache:'no-store'})).json();if(s.version!==${version})return location.reload()}catch{}}})()`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>Problems in the content – Loa preview</title>
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}main{max-width:60rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;color:#a4000f}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fdf2f2;border-left:4px solid #a4000f;padding:1rem;font-size:.95rem}</style>
</head>
<body>
<main>
<h1>The preview cannot show the site: the content has problems</h1>
<p>Fix them in your editor and save: this page comes back by itself. The terminal and <code>npm run check</code> show the same list.</p>
<pre>${escapeXml(text)}</pre>
</main>
<script>${reload}</script>
</body>
</html>
`;
}
