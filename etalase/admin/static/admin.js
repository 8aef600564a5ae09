// Conveniences for phones; every admin page works without this script.
// Photos are made smaller on the phone before they are sent: less to send over the
// workshop's Wi-Fi, and the photo's GPS position never leaves the phone (a canvas holds
// pixels only). The laptop still cleans every photo it receives, and a photo the browser
// cannot read here (HEIC on most phones) is sent as it is.
"use strict";
const SHRINK = ["image/jpeg", "image/png", "image/webp"];
const MAX_SIDE = 2048;

async function shrink(file) {
  if (!SHRINK.includes(file.type) || file.size < 1024 * 1024) return file;
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise((done) => canvas.toBlob(done, "image/jpeg", 0.9));
  if (!blob) return file;
  return new File([blob], file.name.replace(/\.[^.]*$/, "") + ".jpg", { type: "image/jpeg" });
}

for (const input of document.querySelectorAll("input[type=file]")) {
  input.addEventListener("change", async () => {
    if (!window.DataTransfer || !window.createImageBitmap || !input.files.length) return;
    const buttons = input.form.querySelectorAll("button");
    buttons.forEach((b) => { b.disabled = true; });
    const out = new DataTransfer();
    for (const file of input.files) {
      try {
        out.items.add(await shrink(file));
      } catch (error) {
        out.items.add(file);
      }
    }
    input.files = out.files;
    input.dataset.shrunk = "true";
    buttons.forEach((b) => { b.disabled = false; });
  });
}
