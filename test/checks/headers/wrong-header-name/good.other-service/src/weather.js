export async function forecast(city) {
  const res = await fetch(`https://api.weather.example.com/forecast?q=${encodeURIComponent(city)}`, {
    headers: { 'X-Api-Key': process.env.WEATHER_API_KEY },
  });
  return res.json();
}
