const r = await fetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` } });
console.log(r.status);
