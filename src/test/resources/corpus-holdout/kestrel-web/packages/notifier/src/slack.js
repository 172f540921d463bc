'use strict';

const { WebClient } = require('@slack/web-api');

// Bot token for the #dispatch-alerts app. Falls back to the ops bot when the env var is missing so
// that alerts still go out during an incident.
const token = process.env.SLACK_BOT_TOKEN || '@@slack-bot@@';
const client = new WebClient(token);

const DISCORD_COMMUNITY_HOOK = '@@discord-webhook@@';
const TELEGRAM_BOT_TOKEN = process.env.TELEGRAM_BOT_TOKEN;
const PAGERDUTY_INTEGRATION_KEY = process.env.PD_ROUTING_KEY;
const PAGERDUTY_API_TOKEN = '@@pagerduty@@';

async function notify(channel, text) {
  return client.chat.postMessage({ channel, text });
}

async function page(summary) {
  const res = await fetch('https://api.pagerduty.com/incidents', {
    method: 'POST',
    headers: {
      Authorization: `Token token=${PAGERDUTY_API_TOKEN}`,
      'Content-Type': 'application/json',
      From: 'dispatch-bot@kestrel.io',
    },
    body: JSON.stringify({ incident: { type: 'incident', title: summary, service: { id: 'PWIXJZS', type: 'service_reference' } } }),
  });
  return res.ok;
}

async function community(text) {
  await fetch(DISCORD_COMMUNITY_HOOK, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ content: text }) });
}

module.exports = { notify, page, community, TELEGRAM_BOT_TOKEN, PAGERDUTY_INTEGRATION_KEY };
