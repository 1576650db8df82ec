import type { WebformField } from '../../../db/schema/lead-imports.ts';

/** The honeypot: hidden from people, tempting to bots that fill every input. */
export const HONEYPOT_FIELD = 'website';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function input(f: WebformField): string {
  const req = f.required ? ' required' : '';
  if (f.key === 'notes') return `<textarea name="notes" maxlength="5000"${req}></textarea>`;
  const type = f.key === 'email' ? 'email' : f.key === 'phone' ? 'tel' : 'text';
  return `<input name="${esc(f.key)}" type="${type}" maxlength="500"${req}>`;
}

const SCRIPT = (id: string) => `<script>
(function () {
  var f = document.querySelector('form[data-rs-form="${id}"]');
  if (!f || !window.fetch) return;
  f.addEventListener('submit', function (e) {
    e.preventDefault();
    var d = {};
    new FormData(f).forEach(function (v, k) { d[k] = String(v); });
    var m = f.querySelector('.rs-webform-message');
    fetch(f.action, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(d) })
      .then(function (r) { return r.json().then(function (b) { m.hidden = false; m.textContent = b.message || ''; if (r.ok) f.reset(); }); })
      .catch(function () { m.hidden = false; m.textContent = 'Network error'; });
  });
})();
</script>`;

/**
 * The HTML a company pastes into its website (M6). Style it freely; keep the names, data-rs-form and the
 * script. Without JavaScript it still posts (urlencoded) and the endpoint answers with a thank-you page.
 */
export function generateSnippet(form: { id: string; fields: WebformField[] }, endpoint: string, submitLabel: string): string {
  const rows = form.fields.map((f) => `  <p><label>${esc(f.label)}${f.required ? ' *' : ''}<br>${input(f)}</label></p>`);
  return [
    '<!-- Ringside web form: restyle freely; keep field names, data-rs-form and the script -->',
    `<form class="rs-webform" data-rs-form="${esc(form.id)}" action="${esc(endpoint)}" method="post" accept-charset="UTF-8">`,
    ...rows,
    `  <div style="position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden" aria-hidden="true"><input name="${HONEYPOT_FIELD}" type="text" tabindex="-1" autocomplete="off"></div>`,
    `  <p><button type="submit">${esc(submitLabel)}</button></p>`,
    '  <p class="rs-webform-message" hidden></p>',
    '</form>',
    SCRIPT(esc(form.id)),
  ].join('\n');
}
