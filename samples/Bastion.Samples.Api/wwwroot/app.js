// Content (HtmlPolicy.Text: markup encoded, shown as typed) and signature (BasicFormatting: a few tags kept) arrive
// HTML-safe from Bastion, so they are inserted as HTML.
// Everything else is plain text and goes through textContent.
const list = document.getElementById('comments');
const problem = document.getElementById('problem');

async function load() {
  const response = await fetch('/api/comments?take=20');
  const comments = await response.json();
  list.replaceChildren(...comments.map(render));
}

function render(comment) {
  const item = document.createElement('li');
  const body = document.createElement('div');
  body.innerHTML = comment.content;
  item.append(body);
  if (comment.signature) {
    const signature = document.createElement('div');
    signature.innerHTML = '— ' + comment.signature;
    item.append(signature);
  }
  const meta = document.createElement('div');
  meta.className = 'meta';
  meta.textContent = `#${comment.id} ${comment.authorName ?? 'anonymous'} ${comment.tags.map(t => '#' + t).join(' ')}`;
  item.append(meta);
  return item;
}

document.getElementById('new-comment').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData(event.target);
  const tags = String(form.get('tags') || '').split(/\s+/).filter(Boolean).map(name => ({ name }));
  const author = String(form.get('author') || '');
  const body = {
    content: form.get('content'),
    signature: form.get('signature') || null,
    author: author ? { name: author } : null,
    tags,
  };
  // State-changing endpoints are [CsrfProtected] in the default, tokenless mode: the browser itself sends
  // Sec-Fetch-Site (or Origin), which tells the API this request comes from its own page. No token to fetch.
  const response = await fetch('/api/comments', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    problem.hidden = false;
    problem.textContent = JSON.stringify(await response.json(), null, 2);
    return;
  }
  problem.hidden = true;
  event.target.reset();
  await load();
});

load();
