/**
 * The public pages' one stylesheet, inlined in every page so that nothing blocks the first paint:
 * the app's look (colours, type, controls) and the public pages' parts, with system fonts only.
 * Colours meet WCAG 2.1 AA; health is always a word and a shape as well as a colour.
 */
const CSS = `
:root{--brand:#1a3a5c;--text:#1b1f24;--muted:#4a5563;--link:#1a5c96;--focus:#0b5cad;--border:#c9d1da;--control:#66717e;--surface:#f4f6f8;--bg:#fff;--danger-bg:#fdecee;--danger:#7a1020;--success-bg:#e9f5ec;--success:#14532d;--radius:6px;color-scheme:light}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;display:flex;flex-direction:column;min-height:100vh;background:var(--bg);color:var(--text);font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans',sans-serif;font-size:1rem;line-height:1.5}
h1,h2,h3,h4{line-height:1.25;margin:0 0 .5em}
h1{font-size:1.75rem}
h2{font-size:1.25rem}
h3{font-size:1.125rem}
@media (max-width:30em){h1{font-size:1.5rem}}
h1,h2,.data-table th{overflow-wrap:break-word}
a{color:var(--link);text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.container{width:100%;max-width:80rem;margin-inline:auto;padding-inline:1rem}
@media (min-width:40em){.container{padding-inline:1.5rem}}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;padding:0!important;margin:-1px!important;overflow:hidden!important;clip:rect(0,0,0,0)!important;white-space:nowrap!important;border:0!important}
label{display:block;font-weight:600;margin-bottom:.25rem}
input,select,button,textarea{font:inherit}
input[type=search],input[type=text],input[type=email],select{min-height:2.75rem;padding:.5rem .75rem;border:1px solid var(--control);border-radius:var(--radius);background:#fff;color:var(--text);max-width:100%}
.button{display:inline-flex;align-items:center;justify-content:center;gap:.375rem;min-height:2.75rem;padding:.5rem 1rem;border:1px solid var(--brand);border-radius:var(--radius);background:var(--brand);color:#fff;font-weight:600;text-decoration:none;cursor:pointer}
.button:hover{background:#12293f}
.button--secondary{background:#fff;color:var(--brand)}
.button--secondary:hover{background:var(--surface)}
.button--on-dark{white-space:nowrap;border-color:#fff;background:transparent;color:#fff}
.button--on-dark:hover{background:#2b5580}
.field{margin:0 0 1rem}
.field input:not([type=checkbox],[type=radio]),.field select{width:100%}
.field-hint{margin:0 0 .375rem;color:var(--muted);font-size:.9375rem}
.field-error{margin:.375rem 0 0;color:var(--danger);font-weight:600}
[aria-invalid=true]{border-color:var(--danger)!important;box-shadow:0 0 0 1px var(--danger)}
.page-head__lead{max-width:48rem;margin:0 0 1.5rem;color:var(--muted)}
.page-head h1{margin:0 0 .5rem}
.notice{padding:1.25rem;border:1px solid var(--border);border-radius:var(--radius)}
.notice p{margin:0 0 .75rem}
.notice>:last-child{margin-bottom:0}
.notice__title{font-size:1.125rem}
.notice--error{border-color:var(--danger);border-left-width:6px;background:var(--danger-bg);color:var(--danger)}
.notice--success{border-color:var(--success);border-left-width:6px;background:var(--success-bg);color:var(--success)}
.notice--empty{background:var(--surface)}
.meta{display:block;color:var(--muted);font-size:.875rem;font-weight:400}
.results__summary{margin:1rem 0 .75rem;font-weight:600}
.tag{display:inline-block;padding:0 .5rem;border:1px solid currentColor;border-radius:999px;font-size:.8125rem;font-weight:600;white-space:nowrap}
.table-scroll{position:relative;overflow-x:auto}
.data-table{width:100%;border-collapse:collapse;font-size:.9375rem}
.data-table th,.data-table td{padding:.75rem .5rem;border-bottom:1px solid var(--border);text-align:left;vertical-align:top}
.data-table thead th{border-bottom:2px solid var(--brand);font-size:.875rem;vertical-align:bottom}
.numeric,.data-table .numeric{text-align:right;font-variant-numeric:tabular-nums}
.data-table th{overflow-wrap:normal}
.skip-link{position:absolute;top:.5rem;left:.5rem;z-index:10;padding:.5rem 1rem;background:#fff;color:var(--link);font-weight:600;border:2px solid var(--focus);border-radius:var(--radius);transform:translateY(-200%)}
.skip-link:focus{transform:none}
.site-header{background:var(--brand);color:#fff}
.site-header__inner{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1.25rem;padding-block:.875rem}
.site-header__brand{display:inline-flex;align-items:center;gap:.5rem;color:#fff;text-decoration:none;font-size:1.5rem;font-weight:700}
.site-header__tagline{margin:0;color:#dce6f0}
.site-header :focus-visible{outline-color:#fff}
.site-header__account{display:flex;flex:1 1 auto;align-items:center;justify-content:flex-end;gap:.5rem 1rem}
@media (max-width:30em){.site-header__account{gap:.5rem}.site-header .button--on-dark{min-height:2.5rem;padding-inline:.625rem}}
.site-main{flex:1;padding-block:1.5rem 3rem;overflow-wrap:anywhere;hyphens:auto}
.site-main:focus{outline:none}
.site-footer{border-top:1px solid var(--border);background:var(--surface);color:var(--muted);font-size:.875rem}
.site-footer p{margin:0;padding-block:1rem .5rem}
.site-footer__links{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:0;padding:0 0 1rem;list-style:none}
.prose section,.prose-section{margin-top:2rem;max-width:75ch}
code{overflow-wrap:anywhere;word-break:break-word}
.terms dt{margin-top:.75rem;font-weight:600}
.terms dd{margin:.125rem 0 0}
.placeholder{padding:0 .25rem;background:#fff3c4;color:#3d2e00;font-style:italic}
.public-filters__form{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,12rem),1fr));gap:.75rem 1rem;align-items:end;padding:1rem;background:var(--surface);border:1px solid var(--border)}
.public-filters__search{grid-column:1/-1}
.public-filters .field{margin:0}
.public-filters__actions{grid-column:1/-1;display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}
.plan{margin-top:2rem}
.goal{margin-top:1.5rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,22rem),1fr));gap:1rem;margin:0;padding:0;list-style:none}
.open-data{margin-top:3rem;padding-top:1rem;border-top:1px solid var(--border)}
.pagination{display:flex;flex-wrap:wrap;align-items:center;justify-content:center;gap:.75rem 1rem;margin-top:1.5rem}
.pagination__position{font-variant-numeric:tabular-nums}
.card{display:flex;flex-direction:column;gap:.75rem;height:100%;padding:1rem;border:1px solid var(--border);border-left:4px solid var(--brand);background:var(--bg);overflow-wrap:anywhere}
.card p{margin:0}
.card__title{font-size:1.25rem;font-weight:700;line-height:1.3;margin:0}
.card__state,.facts__state{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem}
.card__facts{display:grid;gap:.5rem;margin:0}
.card__facts dt,.facts__list dt{font-weight:600}
.card__facts dd,.facts__list dd{margin:0}
.card__list{margin:0;padding-left:1.25rem}
.card__latest{padding:.75rem;background:var(--surface)}
.card__latest-title{font-weight:600}
.card__latest-text,.timeline__text,.prose{white-space:pre-line}
.health{display:inline-flex;align-items:center;gap:.375rem;padding:.125rem .5rem .125rem .375rem;border:1px solid currentColor;border-radius:999px;font-size:.875rem;font-weight:600;white-space:nowrap}
.health__glyph{fill:none;stroke:#fff;stroke-width:1.8;stroke-linecap:round;stroke-linejoin:round}
.health--on_track{background:#e6f4ea;color:#14532d}.health--on_track .health__shape{fill:#1e7b34}
.health--at_risk{background:#fff4d6;color:#5c3d00}.health--at_risk .health__shape{fill:#a35200}
.health--off_track{background:#fdecee;color:#7a1020}.health--off_track .health__shape{fill:#b3261e}
.progress{min-width:8rem}
.progress__bar{position:relative;height:.75rem;margin-block:.375rem;border:1px solid var(--control);border-radius:999px;background:#e7ecf1}
.progress__fill{height:100%;border-radius:999px;background:var(--link)}
.progress__marker{position:absolute;top:-.375rem;bottom:-.375rem;width:3px;margin-left:-1.5px;background:var(--text);box-shadow:0 0 0 1px #fff}
.progress__text{display:flex;flex-wrap:wrap;gap:0 .75rem;margin:0;font-size:.875rem}
.progress__value{font-weight:700;font-variant-numeric:tabular-nums}
.progress__expected{color:var(--muted)}
.progress__key{display:inline-block;width:3px;height:.875em;margin-right:.3em;vertical-align:-.1em;background:var(--text)}
.facts{display:flex;flex-direction:column;gap:.75rem}
.facts__list{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,16rem),1fr));gap:.75rem 1.5rem;margin:0}
.timeline-section,.section{margin-top:2rem}
.timeline{margin:0;padding:0;list-style:none;border-left:3px solid var(--border)}
.timeline__item{position:relative;margin:0 0 1.25rem;padding:0 0 0 1.25rem}
.timeline__item::before{content:'';position:absolute;top:.35rem;left:-.55rem;width:.8rem;height:.8rem;border:2px solid var(--brand);border-radius:50%;background:var(--bg)}
.timeline__item--done::before,.timeline__item--update::before{background:var(--brand)}
.timeline__item p{margin:.25rem 0}
.timeline__kind{color:var(--muted);font-size:.875rem}
.timeline__title{margin:.125rem 0 .25rem;font-size:1.125rem}
.rule-note{margin:.25rem 0 1rem;font-size:.9375rem}
.participants{max-width:32rem}
.goals{padding-left:1.25rem}
.goals li{margin-bottom:.5rem}
.follow{margin-block:2rem;padding:1rem;border:1px solid var(--border);border-radius:4px;max-width:40rem}
.follow__heading{margin-top:0}
.follow input[type=email]{width:100%;max-width:28rem}
.follow__consent{font-size:.9375rem}
.plain-list{margin:0;padding:0;list-style:none}
.back-link{margin:0 0 1rem}
.form-actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}
.error-summary:focus{outline:3px solid var(--focus);outline-offset:2px}
.error-summary__list{margin:0;padding-left:1.25rem}
.error-summary a{color:var(--danger);font-weight:600}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{transition:none!important;animation:none!important;scroll-behavior:auto!important}}
@media (forced-colors:active){.button{border:1px solid ButtonText}.health__shape{fill:CanvasText}.health__glyph{stroke:Canvas}.progress__bar{border-color:CanvasText}.progress__fill,.progress__marker,.progress__key{background:CanvasText;forced-color-adjust:none}}
`;

export const PUBLIC_CSS = CSS.replace(/\n/g, '');
