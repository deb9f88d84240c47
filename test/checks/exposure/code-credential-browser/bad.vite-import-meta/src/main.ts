import { tag } from './lib/clarifai';

document.querySelector('#go')!.addEventListener('click', async () => {
  const url = (document.querySelector('#url') as HTMLInputElement).value;
  document.querySelector('#out')!.textContent = (await tag(url)).map((c: { name: string }) => c.name).join(', ');
});
