"""Tags every photo in ./photos with the general model (written for clarifai 2.0)."""
import os
from pathlib import Path

from clarifai.rest import ClarifaiApp

# The client reads these two itself.
os.environ["CLARIFAI_APP_ID"] = "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0f"
os.environ["CLARIFAI_APP_SECRET"] = "Gh2iJk5lMn8oPq1rSt4uVw7xYz0aBc3dEf6gHi9j"

app = ClarifaiApp()
model = app.models.get("general-v1.3")

for photo in sorted(Path("photos").glob("*.jpg")):
    result = model.predict_by_filename(str(photo))
    names = [c["name"] for c in result["outputs"][0]["data"]["concepts"][:5]]
    print(photo.name, ", ".join(names))
