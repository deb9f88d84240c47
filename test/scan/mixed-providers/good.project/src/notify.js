// Sends the tags by SMS and finds a matching GIF; the tags come from Clarifai (see vision.py).
const twilioAuth = Buffer.from(`${process.env.TWILIO_ACCOUNT_SID}:${process.env.TWILIO_AUTH_TOKEN}`).toString('base64');

async function sms(to, body) {
  const url = `https://api.twilio.com/2010-04-01/Accounts/${process.env.TWILIO_ACCOUNT_SID}/Messages.json`;
  await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Basic ${twilioAuth}` },
    body: new URLSearchParams({ To: to, From: process.env.TWILIO_FROM, Body: body }),
  });
}

async function gif(tag) {
  const res = await fetch(`https://api.giphy.com/v1/gifs/search?api_key=${process.env.GIPHY_API_KEY}&q=${encodeURIComponent(tag)}&limit=1`);
  return (await res.json()).data[0]?.images?.original?.url;
}

async function clarifaiTags(imageUrl) {
  const res = await fetch('https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs', {
    method: 'POST',
    headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ inputs: [{ data: { image: { url: imageUrl } } }] }),
  });
  return (await res.json()).outputs[0].data.concepts.map((c) => c.name);
}

module.exports = { sms, gif, clarifaiTags };
