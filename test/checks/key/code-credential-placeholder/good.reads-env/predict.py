import os

PAT = os.environ['CLARIFAI_PAT']
metadata = (('authorization', 'Key ' + PAT),)
