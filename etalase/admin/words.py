"""The admin's own words, in Bahasa Indonesia and English.

Problems with content use the build's catalog (:mod:`etalase.messages`), so a volunteer
reads the same sentence in the admin and on the command line; this catalog holds only
what the admin itself says: labels, buttons and explanations.
"""

from __future__ import annotations

from typing import Any

WORDS: dict[str, dict[str, str]] = {
    "admin": {"id": "Admin toko", "en": "Shop admin"},
    "products": {"id": "Produk", "en": "Products"},
    "stories": {"id": "Cerita", "en": "Stories"},
    "settings": {"id": "Pengaturan", "en": "Settings"},
    "trash": {"id": "Sampah", "en": "Trash"},
    "publish": {"id": "Terbitkan", "en": "Publish"},
    "add_product": {"id": "Tambah produk", "en": "Add a product"},
    "add_story": {"id": "Tambah cerita", "en": "Add a story"},
    "search": {"id": "Cari", "en": "Search"},
    "search_label": {"id": "Cari nama, bahan atau pembuat", "en": "Search name, material or maker"},
    "all_categories": {"id": "Semua kategori", "en": "All categories"},
    "all_statuses": {"id": "Semua status", "en": "All statuses"},
    "none_found": {"id": "Tidak ada produk yang cocok.", "en": "No product matches."},
    "has_problems": {"id": "ada masalah", "en": "has problems"},
    "save": {"id": "Simpan", "en": "Save"},
    "delete": {"id": "Hapus", "en": "Delete"},
    "delete_confirm": {
        "id": "Hapus produk ini? File-nya dipindah ke Sampah dan bisa dipulihkan.",
        "en": "Delete this product? Its file moves to the Trash and can be restored.",
    },
    "delete_story_confirm": {
        "id": "Hapus cerita ini? File-nya dipindah ke Sampah dan bisa dipulihkan.",
        "en": "Delete this story? Its file moves to the Trash and can be restored.",
    },
    "yes_delete": {"id": "Ya, pindahkan ke Sampah", "en": "Yes, move it to the Trash"},
    "cancel": {"id": "Batal", "en": "Cancel"},
    "restore": {"id": "Pulihkan", "en": "Restore"},
    "trash_empty": {"id": "Sampah kosong.", "en": "The trash is empty."},
    "trash_intro": {
        "id": "File dan foto yang dihapus atau dilepas disimpan di sini (folder {folder}), "
              "tidak ikut terbit. Pulihkan untuk mengembalikannya ke tempat semula.",
        "en": "Deleted files and photos taken off are kept here (folder {folder}); they are "
              "never published. Restore puts them back where they were.",
    },
    "deleted_on": {"id": "dihapus {when}", "en": "deleted {when}"},
    "trash_with_photos": {"id": "beserta fotonya: {photos}", "en": "with its photos: {photos}"},
    "trash_photos_of": {"id": "Foto yang dilepas dari {owner}",
                        "en": "Photos taken off {owner}"},
    "saved": {"id": "Tersimpan.", "en": "Saved."},
    "see_page": {"id": "Lihat halamannya", "en": "See its page"},
    "deleted": {"id": "Dipindah ke Sampah: {name}", "en": "Moved to the Trash: {name}"},
    "restored": {"id": "Dipulihkan: {name}", "en": "Restored: {name}"},
    "build_failed": {
        "id": "Tersimpan, tetapi pratinjau situs belum bisa dibuat karena masalah ini:",
        "en": "Saved, but the preview could not be built because of these problems:",
    },
    "fix_below": {
        "id": "Belum disimpan. Perbaiki isian yang ditandai di bawah, lalu tekan Simpan lagi.",
        "en": "Not saved yet. Fix the marked fields below, then press Save again.",
    },
    "other_problems": {"id": "Masalah lain di file ini:", "en": "Other problems in this file:"},
    "conflict": {
        "id": "Belum disimpan: produk ini sudah diubah di tempat lain sejak Anda membukanya.",
        "en": "Not saved: this was changed elsewhere since you opened it.",
    },
    "conflict_hint": {
        "id": "Perubahan itu sudah dimasukkan ke isian yang tidak Anda ubah; isian yang Anda "
              "ubah tetap seperti yang Anda tulis. Periksa, lalu tekan Simpan lagi.",
        "en": "Those changes are now in the fields you did not change; the fields you "
              "changed stay as you wrote them. Check them, then press Save again.",
    },
    "conflict_gone": {
        "id": "Belum disimpan: file ini sudah dihapus di tempat lain. Lihat Sampah.",
        "en": "Not saved: this file was deleted elsewhere. See the Trash.",
    },
    "conflict_unknown": {
        "id": "(isi lamanya tidak diketahui lagi; periksa semua isian)",
        "en": "(its earlier content is no longer known; check every field)",
    },
    "changed_field": {"id": "{field}: {old} → {new}", "en": "{field}: {old} → {new}"},
    "empty_value": {"id": "(kosong)", "en": "(empty)"},
    "name_taken": {
        "id": "Sudah ada produk dengan alamat {slug}",
        "en": "A product with the address {slug} exists already",
    },
    "slug": {"id": "Alamat halaman", "en": "Page address"},
    "slug_help": {
        "id": "Huruf kecil, angka dan tanda minus, misalnya keset-bulat. Kosongkan untuk "
              "membuatnya dari nama. Tidak bisa diubah setelah disimpan.",
        "en": "Lower-case letters, digits and dashes, e.g. round-mat. Leave empty to make "
              "it from the name. It cannot change after saving.",
    },
    "slug_bad": {
        "id": "alamat \"{value}\" tidak bisa dipakai — pakai huruf kecil, angka dan tanda minus, "
              "misalnya keset-bulat",
        "en": "the address \"{value}\" cannot be used — use lower-case letters, digits and "
              "dashes, e.g. round-mat",
    },
    "new_choice": {"id": "Baru…", "en": "New…"},
    "new_value": {"id": "atau tulis yang baru", "en": "or write a new one"},
    "choose": {"id": "(pilih)", "en": "(choose)"},
    "status.available": {"id": "Tersedia", "en": "Available"},
    "status.sold_out": {"id": "Habis", "en": "Sold out"},
    "status.preorder": {"id": "Pesan dulu", "en": "Pre-order"},
    "list_help": {"id": "Pisahkan dengan koma.", "en": "Separate with commas."},
    "variant_name": {"id": "Pilihan", "en": "Option"},
    "variant_price": {"id": "Harga (bila beda)", "en": "Price (if different)"},
    "photos": {"id": "Foto", "en": "Photos"},
    "photo_alt": {"id": "Keterangan foto", "en": "Photo description"},
    "photo_order": {"id": "Urutan", "en": "Order"},
    "photo_remove": {"id": "Lepas foto ini (disimpan di Sampah)",
                     "en": "Remove this photo (kept in the Trash)"},
    "photo_add": {"id": "Tambah foto (kamera atau galeri)", "en": "Add photos (camera or gallery)"},
    "photo_one": {"id": "Pilih foto (kamera atau galeri)",
                  "en": "Choose a photo (camera or gallery)"},
    "published": {"id": "terbit", "en": "published"},
    "not_published": {"id": "belum terbit (belum ada persetujuan)",
                      "en": "not published (no consent yet)"},
    "text_help": {
        "id": "Pisahkan paragraf dengan satu baris kosong. Tulis dia sebagai pembuat karya, "
              "bukan dari masa lalunya.",
        "en": "Separate paragraphs with an empty line. Write about her as a maker, not "
              "about her past.",
    },
    "photo_pending": {"id": "Foto baru, tersimpan bila Anda menekan Simpan",
                      "en": "New photo, kept when you press Save"},
    "photo_help": {
        "id": "Foto diputar tegak, diperkecil, dan semua datanya (lokasi, merek HP) dibuang "
              "sebelum disimpan.",
        "en": "Photos are turned upright, made smaller, and all their data (location, phone "
              "model) is removed before they are kept.",
    },
    "field.name": {"id": "Nama produk", "en": "Product name"},
    "field.price": {"id": "Harga (rupiah)", "en": "Price (rupiah)"},
    "field.category": {"id": "Kategori", "en": "Category"},
    "field.description": {"id": "Keterangan", "en": "Description"},
    "field.images": {"id": "Foto", "en": "Photos"},
    "field.status": {"id": "Status", "en": "Status"},
    "field.variants": {"id": "Pilihan (warna/ukuran)", "en": "Options (colour/size)"},
    "field.maker": {"id": "Pembuat", "en": "Maker"},
    "field.materials": {"id": "Bahan", "en": "Materials"},
    "field.weight": {"id": "Berat (gram)", "en": "Weight (grams)"},
    "field.tags": {"id": "Kata kunci", "en": "Tags"},
    "field.featured": {"id": "Tampil di beranda", "en": "Show on the home page"},
    "field.whatsapp": {"id": "Nomor WhatsApp khusus", "en": "Own WhatsApp number"},
    "field.date": {"id": "Tanggal", "en": "Date"},
    "field.title": {"id": "Judul", "en": "Title"},
    "field.stock": {"id": "Stok", "en": "Stock"},
    "field.lead_time": {"id": "Lama pembuatan (hari)", "en": "Time to make (days)"},
    "field.settings.title": {"id": "Nama toko", "en": "Shop name"},
    "field.settings.whatsapp": {"id": "Nomor WhatsApp toko", "en": "The shop's WhatsApp number"},
    "field.member": {"id": "Nama samaran anggota", "en": "Member's pseudonym"},
    "field.photo": {"id": "Foto", "en": "Photo"},
    "field.products": {"id": "Produk buatannya", "en": "Her products"},
    "field.consent": {"id": "Persetujuan", "en": "Consent"},
    "field.noindex": {"id": "Sembunyikan dari mesin pencari", "en": "Hide from search engines"},
    "field.text": {"id": "Ceritanya", "en": "The story"},
    "field.tagline": {"id": "Slogan", "en": "Tagline"},
    "field.order_message": {"id": "Pesan pesanan WhatsApp", "en": "WhatsApp order message"},
    "field.about": {"id": "Tentang kami", "en": "About us"},
    "field.greeting": {"id": "Salam pembuka", "en": "Greeting"},
    "field.payment": {"id": "Cara membayar", "en": "Payment"},
    "field.shipping": {"id": "Pengiriman", "en": "Shipping"},
    "shipping.from": {"id": "Dikirim dari (kota)", "en": "Sent from (town)"},
    "shipping.couriers": {"id": "Kurir", "en": "Couriers"},
    "shipping.note": {"id": "Catatan pengiriman", "en": "Shipping note"},
    "field.pickup": {"id": "Ambil sendiri di", "en": "Pickup area"},
    "field.hours": {"id": "Jam menjawab pesanan", "en": "Reply hours"},
    "help.settings.title": {"id": "Nama toko, tampil di atas setiap halaman.",
                            "en": "The shop's name, shown at the top of every page."},
    "help.settings.tagline": {"id": "Satu kalimat tentang toko, di bawah namanya.",
                              "en": "One sentence about the shop, under its name."},
    "help.settings.whatsapp": {
        "id": "Nomor WhatsApp toko yang menerima pesanan, misalnya 0812-3456-7890.",
        "en": "The shop's WhatsApp number that takes orders, e.g. 0812-3456-7890.",
    },
    "help.settings.order_message": {
        "id": "Pesan yang sudah terisi saat pembeli menekan Pesan. {product}, {price} dan {url} "
              "diganti dengan nama produk, harga dan alamatnya. Kosongkan untuk pesan bawaan.",
        "en": "The message filled in when a buyer taps Order. {product}, {price} and {url} "
              "become the product's name, price and address. Leave empty for the default.",
    },
    "help.settings.about": {
        "id": "Isi halaman Tentang kami. Pisahkan paragraf dengan satu baris kosong.",
        "en": "The About us page. Separate paragraphs with an empty line.",
    },
    "help.settings.greeting": {
        "id": "Salam pembuka setiap pesan pesanan, misalnya Assalamu'alaikum.",
        "en": "The greeting every order message opens with, e.g. Assalamu'alaikum.",
    },
    "help.settings.shipping": {
        "id": "Cara barang sampai ke pembeli: kota asal kiriman, kurir yang dipakai, dan "
              "catatan, misalnya ongkos kirim disampaikan lewat WhatsApp. Tampil di dekat "
              "tombol pesan dan di halaman Tentang kami.",
        "en": "How goods reach the buyer: the town parcels leave from, the couriers, and a "
              "note, e.g. that shipping costs are agreed on WhatsApp. Shown near the order "
              "button and on the About us page.",
    },
    "help.settings.payment": {
        "id": "Cara membayar yang diterima, misalnya Transfer bank, QRIS.",
        "en": "Ways to pay you accept, e.g. bank transfer, QRIS.",
    },
    "help.settings.pickup": {
        "id": "Tempat ambil sendiri: wilayah saja (kecamatan atau pasar), jangan pernah alamat "
              "rumah.",
        "en": "Where buyers may collect: an area only (a district or market), never a home "
              "address.",
    },
    "help.settings.hours": {"id": "Kapan pesanan dijawab, misalnya Senin–Sabtu, 08.00–17.00.",
                            "en": "When orders are answered, e.g. Mon–Sat, 8:00–17:00."},
    "tags_help": {"id": "Untuk pencarian. Pisahkan dengan koma.",
                  "en": "For search. Separate with commas."},
    # Help for product and story fields. "id": "" means the starter's own comment (the
    # words a volunteer reads in a new file); it is written here only where the starter
    # speaks of typing in a text editor, which a form does not need.
    "help.product.name": {"id": "", "en": "The product's name as buyers see it."},
    "help.product.price": {
        "id": "", "en": "In rupiah, digits only, without dots, commas or \"Rp\". E.g. 25000"},
    "help.product.category": {
        "id": "", "en": "Written exactly the same for every product of its kind. E.g. "
                        "Herbal Tea, Patchwork Doormats, Palm-rib Plates"},
    "help.product.description": {"id": "", "en": "A short story about the product."},
    "help.product.images": {
        "id": "Foto pertama tampil di daftar produk dan di beranda.",
        "en": "The first photo is shown in lists and on the home page.",
    },
    "help.product.status": {
        "id": "Tersedia, Habis, atau Pesan dulu (dibuat setelah dipesan).",
        "en": "Available, Sold out, or Pre-order (made once ordered).",
    },
    "help.product.variants": {
        "id": "Misalnya warna atau ukuran. Isi harga hanya bila harganya beda. Kosongkan bila "
              "tidak ada.",
        "en": "E.g. colours or sizes. Fill in a price only when it differs. Leave empty when "
              "there are none.",
    },
    "help.product.maker": {"id": "", "en": "The maker's pseudonym (not her real name)."},
    "help.product.materials": {"id": "Bahan yang dipakai.", "en": "What it is made of."},
    "help.product.weight": {
        "id": "", "en": "In grams (for the shipping cost), digits only."},
    "help.product.featured": {"id": "Centang agar produk ini tampil di beranda.",
                              "en": "Tick to show this product on the home page."},
    "help.product.whatsapp": {"id": "", "en": "A WhatsApp number for this product only."},
    "help.product.date": {
        "id": "Tanggal produk ini mulai dijual: tahun-bulan-hari, misalnya 2026-08-01.",
        "en": "When this product went on sale: year-month-day, e.g. 2026-08-01.",
    },
    "help.product.stock": {
        "id": "Sisa barang, angka saja; 0 berarti habis. Kosongkan bila tidak dihitung.",
        "en": "How many are left, digits only; 0 means sold out. Leave empty when not "
              "counted.",
    },
    "help.product.lead_time": {
        "id": "Untuk Pesan dulu: berapa hari sampai barangnya siap, angka saja, misalnya 7.",
        "en": "For pre-orders: how many days until it is ready, digits only, e.g. 7.",
    },
    "help.story.title": {"id": "", "en": "The story's title."},
    "help.story.member": {
        "id": "", "en": "The member's pseudonym (never her real name). Write about her as a "
                        "maker, not about her past."},
    "help.story.date": {"id": "", "en": "The story's date: year-month-day."},
    "help.story.photo": {
        "id": "", "en": "Optional. Make sure her face and home cannot be seen if she does "
                        "not want them shown."},
    "help.story.products": {"id": "Centang produk buatannya.",
                            "en": "Tick the products she makes."},
    "auth.no_session": {
        "id": "Halaman ini hanya untuk pengurus toko. Buka tautan admin yang tampil di layar "
              "laptop (atau pindai kode QR-nya) dengan HP ini.",
        "en": "This page is for the shop's keepers only. Open the admin link shown on the "
              "laptop's screen (or scan its QR code) on this phone.",
    },
    "auth.bad_token": {
        "id": "Tautan ini tidak berlaku (tautan berganti setiap kali pratinjau dijalankan). "
              "Pindai kode QR yang tampil di layar laptop sekarang.",
        "en": "This link is not valid (it changes every time the preview starts). Scan the "
              "QR code shown on the laptop's screen now.",
    },
    "auth.origin": {
        "id": "Ditolak: formulir ini tidak dikirim dari halaman admin ini.",
        "en": "Refused: this form was not sent from this admin's pages.",
    },
    "auth.csrf": {
        "id": "Ditolak: formulir ini sudah kedaluwarsa. Buka halamannya lagi dan isi ulang.",
        "en": "Refused: this form has expired. Open the page again and fill it in again.",
    },
    "request.bad_form": {
        "id": "Kiriman formulir ini rusak. Coba kirim lagi.",
        "en": "This form arrived broken. Try sending it again.",
    },
    "request.not_found": {"id": "Halaman admin ini tidak ada.",
                          "en": "There is no such admin page."},
    "request.bad_name": {
        "id": "Nama file ini tidak bisa dipakai: hanya huruf, angka dan tanda minus.",
        "en": "This file name cannot be used: only letters, digits and dashes.",
    },
    "upload.too_big": {
        "id": "Foto ini lebih dari {limit} MB, tidak disimpan. Kirim foto yang lebih kecil.",
        "en": "This photo is over {limit} MB and was not kept. Send a smaller one.",
    },
    "request.too_big": {
        "id": "Kiriman ini lebih dari {limit} MB, jadi tidak dibaca dan tidak ada yang "
              "disimpan. Kirim foto yang lebih kecil, atau lebih sedikit foto sekaligus.",
        "en": "This form is over {limit} MB, so it was not read and nothing was kept. Send "
              "a smaller photo, or fewer photos at once.",
    },
    "upload.not_photo": {
        "id": "\"{name}\" bukan foto (yang diterima: {kinds}), tidak disimpan. "
              "Pilih foto dari kamera atau galeri.",
        "en": "\"{name}\" is not a photo (accepted: {kinds}) and was not kept. "
              "Choose a photo from the camera or gallery.",
    },
    "upload.broken": {
        "id": "Foto \"{name}\" rusak atau terpotong, tidak disimpan. Kirim lagi fotonya.",
        "en": "The photo \"{name}\" is damaged or cut short and was not kept. Send it again.",
    },
    "upload.bomb": {
        "id": "Foto \"{name}\" terlalu besar ukurannya (terlalu banyak titik), tidak disimpan. "
              "Kirim foto biasa dari kamera HP.",
        "en": "The photo \"{name}\" has far too many pixels and was not kept. Send an ordinary "
              "phone photo.",
    },
    "upload.bad_name": {
        "id": "Nama file \"{name}\" tidak bisa dipakai, tidak disimpan. Pilih fotonya "
              "langsung dari kamera atau galeri.",
        "en": "The file name \"{name}\" cannot be used; it was not kept. Choose the photo "
              "straight from the camera or gallery.",
    },
    "upload.too_many": {
        "id": "Paling banyak {limit} foto sekali kirim. Simpan dulu, lalu tambah lagi.",
        "en": "At most {limit} photos at once. Save first, then add more.",
    },
    "delete_linked": {
        "id": "Produk ini disebut di cerita {story}. Hapus dulu dari daftar produk cerita itu.",
        "en": "The story {story} names this product. Remove it from that story's products first.",
    },
    "restore_taken": {
        "id": "Tidak bisa dipulihkan: sudah ada file {path}. Ganti dulu nama file itu.",
        "en": "Cannot restore: a file {path} exists already. Rename that file first.",
    },
    "consent_help": {
        "id": "Centang HANYA bila anggota sudah membaca ceritanya dan mengizinkannya terbit. "
              "Tanpa centang, cerita tidak terbit. Bila centang dilepas, cerita ditarik dari "
              "situs saat Terbitkan berikutnya.",
        "en": "Tick ONLY when the member has read the story and allows it to be published. "
              "Without the tick the story is not published. Unticking it withdraws the story "
              "from the site at the next Publish.",
    },
    "consent_box": {
        "id": "Anggota sudah membaca dan setuju cerita ini terbit",
        "en": "The member has read this story and agrees to publish it",
    },
    "admin_link": {
        "id": "Admin untuk HP: pindai kode QR ini, atau buka {link}",
        "en": "Admin for phones: scan this QR code, or open {link}",
    },
    "admin_link_note": {
        "id": "Tautan ini berganti setiap kali pratinjau dijalankan. Jangan dibagikan: siapa pun "
              "yang memegangnya bisa mengubah toko. Di Wi-Fi bersama, orang lain bisa "
              "menyadapnya; pakai hotspot laptop ini sendiri.",
        "en": "This link changes every time the preview starts. Do not share it: whoever has "
              "it can change the shop. On a shared Wi-Fi others can read it; use this "
              "laptop's own hotspot.",
    },
    "publish.intro_netlify": {
        "id": "Situs akan dikirim ke Netlify (situs {site}). Yang terbit adalah isi seperti di "
              "pratinjau sekarang. Cerita tanpa persetujuan tidak ikut.",
        "en": "The site goes to Netlify (site {site}), exactly as the preview shows it now. "
              "Stories without consent are left out.",
    },
    "publish.intro_zip": {
        "id": "Laptop ini belum tersambung ke Netlify. Tombol di bawah membuat file zip "
              "situs; buka app.netlify.com/drop di HP atau laptop yang sudah masuk ke akun "
              "Netlify toko, lalu seret file zip itu ke sana.",
        "en": "This laptop is not connected to Netlify. The button below makes a zip of the "
              "site; open app.netlify.com/drop in a browser signed in to the shop's Netlify "
              "account, and drag the zip there.",
    },
    "publish.button": {"id": "Terbitkan sekarang", "en": "Publish now"},
    "publish.zip_button": {"id": "Buat file zip", "en": "Make the zip"},
    "publish.delete_old": {
        "id": "Hapus juga versi lama di Netlify (pilih ini setelah menarik sebuah cerita, agar "
              "tidak ada salinan lamanya yang masih bisa dibuka)",
        "en": "Also delete the old versions on Netlify (choose this after withdrawing a story, "
              "so that no old copy of it can still be opened)",
    },
    "publish.started": {"id": "Membangun dan mengirim situs…",
                        "en": "Building and sending the site…"},
    "publish.plan": {
        "id": "Situs berisi {files} file; {todo} file baru atau berubah perlu dikirim.",
        "en": "The site has {files} files; {todo} new or changed ones need sending.",
    },
    "publish.sent": {"id": "Terkirim {done} dari {total} file.",
                     "en": "Sent {done} of {total} files."},
    "publish.ready": {"id": "Sudah terbit: {url}", "en": "Published: {url}"},
    "publish.deleted_old": {"id": "{count} versi lama dihapus dari Netlify.",
                            "en": "{count} old versions deleted from Netlify."},
    "publish.network": {
        "id": "Pengiriman terputus (internet putus atau Netlify tidak menjawab). Coba tekan "
              "Terbitkan lagi; yang sudah terkirim tidak dikirim ulang.",
        "en": "Sending stopped (the internet dropped or Netlify did not answer). Press "
              "Publish again; what was sent is not sent again.",
    },
    "publish.zip_ready": {
        "id": "File zip siap. Unduh, lalu seret ke app.netlify.com/drop.",
        "en": "The zip is ready. Download it, then drag it to app.netlify.com/drop.",
    },
    "publish.download": {"id": "Unduh situs.zip", "en": "Download site.zip"},
    "publish.running": {"id": "Sedang berjalan… halaman ini diperbarui sendiri.",
                        "en": "Running… this page updates itself."},
    "publish.done": {"id": "Selesai.", "en": "Done."},
    "publish.failed": {"id": "Belum berhasil:", "en": "Not done:"},
    "publish.fix_first": {
        "id": "Belum bisa terbit: perbaiki dulu masalah di atas.",
        "en": "Cannot publish yet: fix the problems above first.",
    },
    "back": {"id": "Kembali ke admin", "en": "Back to the admin"},
    "back_to_form": {"id": "Kembali ke formulir", "en": "Back to the form"},
    "logout": {"id": "Keluar", "en": "Sign out"},
    "logout_done_title": {"id": "Sudah keluar", "en": "Signed out"},
    "logout_done": {
        "id": "Anda sudah keluar dari admin di HP ini. Untuk masuk lagi, pindai kode QR yang "
              "tampil di layar laptop.",
        "en": "You have signed out of the admin on this phone. To come back, scan the QR "
              "code shown on the laptop's screen.",
    },
    "refused": {"id": "Ditolak", "en": "Refused"},
    "logged_in_as": {"id": "Admin di laptop ini", "en": "Admin on this laptop"},
    "open_site": {"id": "Lihat situs", "en": "See the site"},
    "preview_problem": {
        "id": "Pratinjau situs belum bisa dibuat:",
        "en": "The preview could not be built:",
    },
}


def t(key: str, lang: str, **args: Any) -> str:
    entry = WORDS[key]
    text = entry.get(lang) or entry["id"]
    return text.format(**args) if args else text


def label(key: str, owner: str, lang: str) -> str:
    """A field's label: its own for this kind of file, else the common one, else the key
    (a key added to the format shows up before it has words; a test asks for them)."""
    for name in (f"field.{owner}.{key}", f"field.{key}"):
        if name in WORDS:
            return t(name, lang)
    return key


def help_text(key: str, owner: str, starter: str, lang: str) -> str:
    """A field's help. In Indonesian it is the starter's comment for the key (the same
    words a volunteer reads in a new file) unless written here for a form; in English it
    is always written here. An entry whose "id" is empty defers to the starter."""
    entry = WORDS.get(f"help.{owner}.{key}", {})
    return entry.get(lang) or (starter if lang == "id" else "")
