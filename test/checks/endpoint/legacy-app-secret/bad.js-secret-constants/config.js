// Credentials for the Clarifai app "moodboard" (developer.clarifai.com → Applications).
module.exports = {
  CLARIFAI_CLIENT_ID: 'Kl4mNo7pQr0sTu3vWx6yZa9bCd2eFg5hIj8kLm1n',
  CLARIFAI_CLIENT_SECRET: 'Op6qRs9tUv2wXy5zAb8cDe1fGh4iJk7lMn0oPq3r',
};
