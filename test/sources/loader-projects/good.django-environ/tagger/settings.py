import environ

env = environ.Env(DEBUG=(bool, False))
environ.Env.read_env()

DEBUG = env('DEBUG')
CLARIFAI_PAT = env('CLARIFAI_PAT')
