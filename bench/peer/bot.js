// The peer in the load benchmark: a plain Slack Bolt mention bot doing the work Cria does for a
// mention, against the same fakes. It acknowledges the event, reads the thread's history, has
// the prompt moderated, streams the model's answer, has the answer moderated, and posts it in
// the thread. It keeps nothing of its own: the history lives in Slack, as in most such bots.
//
//   SLACK_BOT_TOKEN SLACK_SIGNING_SECRET SLACK_API_URL   the fake Slack
//   LLAMA_BASE_URL LLAMA_API_KEY LLAMA_MODEL             the fake Llama API (native format)
//   PORT                                                 where Slack's events arrive
const { App, LogLevel } = require('@slack/bolt');

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
};

const llamaUrl = env('LLAMA_BASE_URL').replace(/\/$/, '');
const llamaHeaders = {
  Authorization: `Bearer ${env('LLAMA_API_KEY')}`,
  'Content-Type': 'application/json',
};
const model = env('LLAMA_MODEL', 'Llama-3.3-70B-Instruct');

const app = new App({
  token: env('SLACK_BOT_TOKEN'),
  signingSecret: env('SLACK_SIGNING_SECRET'),
  clientOptions: { slackApiUrl: env('SLACK_API_URL').replace(/\/?$/, '/') },
  logLevel: LogLevel.WARN,
});

async function flagged(messages) {
  const response = await fetch(`${llamaUrl}/moderations`, {
    method: 'POST',
    headers: llamaHeaders,
    body: JSON.stringify({ messages }),
  });
  if (!response.ok) throw new Error(`moderation answered ${response.status}`);
  const body = await response.json();
  return body.results.some((result) => result.flagged);
}

// Streams a chat completion in the native Llama format and returns the whole text.
async function complete(messages) {
  const response = await fetch(`${llamaUrl}/chat/completions`, {
    method: 'POST',
    headers: { ...llamaHeaders, Accept: 'text/event-stream' },
    body: JSON.stringify({ model, messages, stream: true }),
  });
  if (!response.ok) throw new Error(`the model answered ${response.status}`);
  const decoder = new TextDecoder();
  let buffer = '';
  let text = '';
  for await (const bytes of response.body) {
    buffer += decoder.decode(bytes, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, end).trim();
      buffer = buffer.slice(end + 1);
      if (!line.startsWith('data:')) continue;
      const data = line.slice(5).trim();
      if (data === '[DONE]') continue;
      const delta = JSON.parse(data).event?.delta;
      if (delta?.type === 'text') text += delta.text;
    }
  }
  return text;
}

app.event('app_mention', async ({ event, client }) => {
  const thread = event.thread_ts ?? event.ts;
  try {
    const history = event.thread_ts
      ? (await client.conversations.replies({ channel: event.channel, ts: thread })).messages
      : [event];
    const messages = history.map((message) => ({
      role: message.bot_id ? 'assistant' : 'user',
      content: message.bot_id ? message.text : `User ${message.user}: ${message.text}`,
    }));
    if (!history.some((message) => message.ts === event.ts)) {
      messages.push({ role: 'user', content: `User ${event.user}: ${event.text}` });
    }
    if (await flagged(messages)) {
      await client.chat.postMessage({ channel: event.channel, thread_ts: thread, text: 'Sorry, I cannot help with that.' });
      return;
    }
    const answer = await complete(messages);
    const safe = !(await flagged([...messages, { role: 'assistant', content: answer }]));
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: thread,
      text: safe ? answer : 'Sorry, I cannot help with that.',
    });
  } catch (error) {
    await client.chat.postMessage({ channel: event.channel, thread_ts: thread, text: `Sorry: ${error.message}` });
  }
});

(async () => {
  const port = Number(env('PORT', '3000'));
  await app.start(port);
  console.log(`peer ready on port ${port}`);
})();
