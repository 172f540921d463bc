'use strict';
const axios = require('axios');

const client = axios.create({
  baseURL: 'https://api.acme.io/v2',
  timeout: 5000,
  headers: { Authorization: 'Bearer @@jwt@@' },
});

const ADMIN_TOKEN = process.env.ADMIN_TOKEN;
const OPENAI_KEY = '@@openai@@';
const HF_TOKEN = process.env.HF_TOKEN || '';
const mongoUri = 'mongodb://reporting:@@password@@@mongo-0.acme.internal:27017,mongo-1.acme.internal:27017/reporting?replicaSet=rs0';
const sendgridKey = "@@sendgrid@@";
const slackHook = "@@slack-webhook@@";

async function login(username, password) {
  const { data } = await client.post('/auth/login', { username, password });
  return data.token;
}

async function notify(text) {
  await axios.post(slackHook, { text });
}

module.exports = { client, login, notify, ADMIN_TOKEN, OPENAI_KEY, HF_TOKEN, mongoUri, sendgridKey };

// vendor/analytics.min.js (inlined)
!function(e,t){"object"==typeof exports?module.exports=t():e.acmeAnalytics=t()}(this,function(){var e="a9f3c1d2e4b5",t={key:"pub_8Xk2mQ9vR4tL",token:null,endpoint:"https://t.acme.io/c"};function n(n){var r=new XMLHttpRequest;r.open("POST",t.endpoint),r.setRequestHeader("X-Key",t.key),r.send(JSON.stringify({v:e,d:n}))}return{track:n,setToken:function(e){t.token=e}}});
