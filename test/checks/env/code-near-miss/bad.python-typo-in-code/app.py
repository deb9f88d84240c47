import os
from dotenv import load_dotenv

load_dotenv()
PAT = os.getenv("CLARIFAI_PTA")
