// Keys for the moodboard demo. Clarifai tags the uploads; Giphy and Twilio do the fun parts.
export const GIPHY_API_KEY = 'Xq7Wm2Rt9Yb4Nc6Vd1Ke8Lf3Hg5Js0Pa';
export const TWILIO_AUTH_TOKEN = '9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d';
export const AZURE_SPEECH_KEY = '1f2e3d4c5b6a79880a1b2c3d4e5f6a7b';

export const CLARIFAI_MODEL_URL = 'https://clarifai.com/clarifai/main/models/general-image-recognition';
