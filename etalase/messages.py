"""Every message Etalase shows a volunteer, in Bahasa Indonesia and English.

Each entry is (what is wrong, how to fix it); code refers to messages by key, so the
wording can be improved in one place.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Mapping
from typing import Any

DEFAULT_LANG = "id"

LABELS = {
    "id": {"error": "masalah", "warning": "peringatan", "note": "catatan"},
    "en": {"error": "error", "warning": "warning", "note": "note"},
}

# key: {language: (message, hint)}
CATALOG: dict[str, dict[str, tuple[str, str]]] = {
    "summary.failed": {
        "id": ("{count} masalah di {files} file — tidak ada yang ditulis", ""),
        "en": ("{count} problem(s) in {files} file(s) — nothing was written", ""),
    },
    "summary.checked": {
        "id": ("OK: {products} produk, {stories} cerita terbit, tidak ada masalah", ""),
        "en": ("OK: {products} products, {stories} published stories, no problems", ""),
    },
    "summary.checked_warnings": {
        "id": ("OK: {products} produk, {stories} cerita terbit; {warnings} peringatan di atas", ""),
        "en": ("OK: {products} products, {stories} published stories; {warnings} warning(s) above", ""),
    },
    "cli.strict_lenient": {
        "id": ("--strict dan --lenient tidak bisa dipakai bersamaan", "pilih salah satu"),
        "en": ("--strict and --lenient cannot be used together", "choose one of them"),
    },
    "summary.built": {
        "id": ("OK: {pages} halaman, {files} file ditulis ke {out}", ""),
        "en": ("OK: {pages} pages, {files} files written to {out}", ""),
    },
    "summary.unchanged": {
        "id": ("OK: tidak ada yang berubah; {out} sudah terbaru ({pages} halaman, {files} file)", ""),
        "en": ("OK: nothing changed; {out} is up to date ({pages} pages, {files} files)", ""),
    },
    "build.waiting": {
        "id": ("menunggu build lain selesai…", ""),
        "en": ("waiting for another build to finish…", ""),
    },
    "build.busy": {
        "id": ("build lain di folder ini masih berjalan setelah {seconds} detik menunggu",
               "tunggu sampai build itu selesai (atau hentikan), lalu jalankan perintah ini lagi"),
        "en": ("another build of this folder is still running after {seconds} seconds of waiting",
               "wait until it finishes (or stop it), then run this command again"),
    },
    "build.disk_full": {
        "id": ("disk penuh: build tidak selesai (build/ tetap berisi situs yang utuh)",
               "kosongkan ruang disk (hapus file yang tidak perlu), lalu jalankan build lagi"),
        "en": ("the disk is full: the build did not finish (build/ still holds a whole site)",
               "free some disk space (delete files you do not need), then run the build again"),
    },
    "build.cache_not_folder": {
        "id": ("{path} seharusnya folder cache Etalase, tetapi berupa file",
               "hapus {path} (isinya hanya cache, dibuat ulang sendiri), lalu jalankan build "
               "lagi"),
        "en": ("{path} should be Etalase's cache folder, but it is a file",
               "delete {path} (it only holds a cache, made again by itself), then run the "
               "build again"),
    },
    "build.cache_not_file": {
        "id": ("{path} seharusnya file cache Etalase, tetapi berupa folder",
               "hapus folder .etalase-cache (isinya hanya cache, dibuat ulang sendiri), lalu "
               "jalankan build lagi"),
        "en": ("{path} should be a file of Etalase's cache, but it is a folder",
               "delete the .etalase-cache folder (it only holds a cache, made again by "
               "itself), then run the build again"),
    },
    "build.os_error": {
        "id": ("tidak bisa menulis {path}: {reason} (build/ tetap berisi situs yang utuh)",
               "periksa bahwa folder situs boleh ditulis, lalu jalankan build lagi"),
        "en": ("cannot write {path}: {reason} (build/ still holds a whole site)",
               "check that the site folder can be written to, then run the build again"),
    },
    "deploy.incomplete": {
        "id": ("{path} bukan hasil build yang lengkap (build terputus, atau ada file yang diubah tangan)",
               "jalankan  python site.py build  dulu, lalu deploy lagi"),
        "en": ("{path} is not a complete build (a build was cut short, or files were changed by hand)",
               "run  python site.py build  first, then deploy again"),
    },
    "file.too_big": {
        "id": ("file ini {size} KB, batasnya {limit} KB",
               "pecah isinya atau hapus teks yang tidak perlu"),
        "en": ("this file is {size} KB, the limit is {limit} KB",
               "split it up or remove text that is not needed"),
    },
    "file.not_utf8": {
        "id": ("file ini bukan teks UTF-8 (ada huruf yang tidak terbaca di baris ini)",
               "simpan ulang file sebagai UTF-8, atau ketik ulang huruf yang aneh"),
        "en": ("this file is not UTF-8 text (an unreadable character is on this line)",
               "save the file again as UTF-8, or retype the odd character"),
    },
    "file.empty": {
        "id": ("file ini kosong", "isi dengan baris seperti  name: Keset Bulat  atau hapus file-nya"),
        "en": ("this file is empty", "fill it with lines like  name: Round Doormat  or delete it"),
    },
    "text.control": {
        "id": ("baris ini memuat karakter kendali tak terlihat ({code})",
               "hapus karakter itu: ketik ulang baris ini, jangan ditempel dari aplikasi lain"),
        "en": ("this line holds an invisible control character ({code})",
               "remove it: type the line again rather than pasting it from another app"),
    },
    "text.line_break": {
        "id": ("isian ini memuat tab atau baris baru ({code})",
               "tulis dalam satu baris, tanpa tanda | atau >"),
        "en": ("this value holds a tab or a line break ({code})",
               "write it on one line, without | or >"),
    },
    "text.bidi": {
        "id": ("baris ini memuat karakter pembalik arah tulisan ({code}) yang bisa menyamarkan isinya",
               "hapus karakter itu: ketik ulang baris ini, jangan ditempel dari aplikasi lain"),
        "en": ("this line holds a text-direction override ({code}) that can disguise what it says",
               "remove it: type the line again rather than pasting it from another app"),
    },
    "file.copy": {
        "id": ("file ini tampaknya salinan dari {original}",
               "hapus salinannya; bila memang barang lain, beri nama file sesuai namanya"),
        "en": ("this file looks like a copy of {original}",
               "delete the copy; if it really is something else, name the file after it"),
    },
    "file.copy_name": {
        "id": ("nama file ini seperti nama salinan (copy, (1), Salinan)",
               "ganti nama file sesuai nama barangnya, misalnya keset-bulat.yaml"),
        "en": ("this file is named like a copy (copy, (1), Salinan)",
               "rename it after what it holds, e.g. round-doormat.yaml"),
    },
    "story.copy": {
        "id": ("cerita ini tampaknya salinan dari {original}, dan salinan bisa menerbitkan lagi cerita yang sudah ditarik",
               "hapus salinannya; bila memang cerita lain, beri judul lain dan tulis  consent: true  setelah anggotanya setuju"),
        "en": ("this story looks like a copy of {original}, and a copy can publish again a story that was withdrawn",
               "delete the copy; if it really is another story, give it another title and write  consent: true  once its member agrees"),
    },
    "file.ignored": {
        "id": ("file ini dilewati karena akhirannya bukan {kinds}",
               "ganti nama file agar berakhiran {kinds}, atau pindahkan"),
        "en": ("this file is skipped because its name does not end in {kinds}",
               "rename it to end in {kinds}, or move it elsewhere"),
    },
    "file.bad_name": {
        "id": ("nama file ini tidak bisa dijadikan alamat halaman",
               "pakai huruf dan angka biasa, misalnya keset-bulat.yaml"),
        "en": ("this file name cannot be turned into a page address",
               "use plain letters and digits, e.g. round-doormat.yaml"),
    },
    "yaml.tab": {
        "id": ("baris ini diawali tombol Tab",
               "YAML hanya menerima spasi di awal baris: ganti Tab dengan dua spasi"),
        "en": ("this line starts with a Tab",
               "YAML only accepts spaces at the start of a line: replace the Tab with two spaces"),
    },
    "yaml.syntax": {
        "id": ("baris ini tidak bisa dibaca",
               "tulis setiap isian sebagai  nama: isi  dengan satu spasi setelah titik dua; beri "
               "tanda kutip pada teks yang memuat titik dua, # atau tanda kutip"),
        "en": ("this line cannot be read",
               "write each field as  name: value  with one space after the colon; put quotes "
               "around text that contains a colon, # or quotes"),
    },
    "yaml.unclosed_quote": {
        "id": ("tanda kutip {quote} dibuka di baris ini tetapi tidak ditutup",
               "tambahkan {quote} di akhir teksnya, di baris yang sama"),
        "en": ("the quote {quote} opened on this line is never closed",
               "add {quote} at the end of the text, on the same line"),
    },
    "yaml.missing_colon": {
        "id": ("baris ini tidak punya titik dua setelah nama isian",
               "tulis titik dua dan spasi setelah {word}:  {word}: {rest}"),
        "en": ("this line has no colon after the field name",
               "write a colon and a space after {word}:  {word}: {rest}"),
    },
    "yaml.continuation": {
        "id": ("baris ini sepertinya lanjutan teks {key} di atasnya, tetapi tidak diawali spasi",
               "beri dua spasi di awal baris ini, dan ubah baris {above} menjadi  {key}: |  "
               "dengan teksnya di baris-baris berikutnya, juga diawali dua spasi"),
        "en": ("this line looks like more of the {key} text above, but it is not indented",
               "indent it by two spaces, and change line {above} to  {key}: |  "
               "with its text on the lines below, also indented by two spaces"),
    },
    "yaml.list_dash": {
        "id": ("baris ini sepertinya butir daftar di atasnya, tetapi tidak diawali tanda -",
               "tulis  - {text}  sejajar dengan butir-butir di atasnya"),
        "en": ("this line looks like an item of the list above, but it does not start with a -",
               "write  - {text}  in line with the items above"),
    },
    "yaml.item_align": {
        "id": ("baris ini tidak sejajar dengan butir daftar di atasnya",
               "bila {key} bagian dari butir di atasnya, tambah spasi di awal baris agar {key} "
               "tepat di bawah nama isian di atasnya; bila butir baru, awali dengan tanda -"),
        "en": ("this line is not in line with the list item above",
               "if {key} belongs to the item above, indent it so that {key} is right under the "
               "field name above; if it is a new item, start it with a -"),
    },
    "yaml.colon_in_text": {
        "id": ("teks {key} memuat titik dua dan spasi (\": \"), yang terbaca sebagai isian baru",
               "beri tanda kutip pada teksnya:  {key}: \"{value}\""),
        "en": ("the text of {key} contains a colon and a space (\": \"), which is read as a new field",
               "put the text in quotes:  {key}: \"{value}\""),
    },
    "yaml.no_space": {
        "id": ("tidak ada spasi setelah titik dua di baris ini",
               "tulis  {key}: {value}  dengan satu spasi setelah titik dua"),
        "en": ("there is no space after the colon on this line",
               "write  {key}: {value}  with one space after the colon"),
    },
    "yaml.indented": {
        "id": ("baris ini diawali spasi, tidak sejajar dengan baris-baris di atasnya",
               "hapus spasi di awal baris ini; hanya butir daftar dan lanjutan teks yang diawali spasi"),
        "en": ("this line starts with spaces, out of line with the lines above",
               "remove the spaces at its start; only list items and continued text are indented"),
    },
    "yaml.after_quote": {
        "id": ("ada teks setelah tanda kutip penutup di baris ini",
               "masukkan seluruh teks ke dalam tanda kutip; bila teksnya memuat tanda kutip satu "
               "('), pakai tanda kutip dua (\") di luarnya:  {key}: \"...\""),
        "en": ("there is text after the closing quote on this line",
               "put the whole text inside the quotes; if it contains a single quote ('), use "
               "double quotes (\") around it:  {key}: \"...\""),
    },
    "yaml.special_start": {
        "id": ("teks yang diawali {char} tidak bisa dibaca tanpa tanda kutip",
               "beri tanda kutip:  {key}: \"{value}\""),
        "en": ("text starting with {char} cannot be read without quotes",
               "put it in quotes:  {key}: \"{value}\""),
    },
    "yaml.unclosed_bracket": {
        "id": ("tanda {open} di baris ini tidak ditutup dengan {close}",
               "tambahkan {close} di akhir daftar; bila {open} bagian dari teks, beri tanda kutip "
               "pada teksnya"),
        "en": ("the {open} on this line is never closed with {close}",
               "add {close} at the end of the list; if {open} is part of the text, put the text "
               "in quotes"),
    },
    "yaml.block_scalar": {
        "id": ("setelah | tidak boleh ada teks di baris yang sama",
               "tulis  {key}: |  lalu teksnya di baris berikutnya, diawali dua spasi"),
        "en": ("nothing may follow | on the same line",
               "write  {key}: |  and the text on the next lines, indented by two spaces"),
    },
    "yaml.dash_same_line": {
        "id": ("butir daftar tidak bisa dimulai di baris yang sama dengan nama isian",
               "tulis  {key}:  sendirian, lalu setiap butir di baris berikutnya, diawali dua "
               "spasi dan tanda -; bila tanda - bagian dari teks, beri tanda kutip"),
        "en": ("a list item cannot start on the same line as the field name",
               "write  {key}:  alone, then each item on its own line, indented by two spaces "
               "and starting with a -; if the - is part of the text, put the text in quotes"),
    },
    "yaml.tag": {
        "id": ("tanda {tag} tidak diizinkan di sini",
               "hapus {tag}; tulis isinya saja"),
        "en": ("the YAML tag {tag} is not allowed", "remove {tag}; write just the value"),
    },
    "yaml.complex_key": {
        "id": ("nama isian di baris ini bukan kata biasa", "tulis nama isian sebagai satu kata, misalnya  price:"),
        "en": ("the key on this line is not a plain word", "write the key as one word, e.g.  price:"),
    },
    "yaml.duplicate_key": {
        "id": ("'{key}' ditulis dua kali (juga di baris {first})",
               "hapus salah satunya; YAML diam-diam hanya memakai yang terakhir"),
        "en": ("'{key}' is written twice (also on line {first})",
               "delete one of them; YAML would silently keep only the last"),
    },
    "yaml.not_mapping_list": {
        "id": ("isi file harus baris-baris  nama: isi, tetapi di sini tertulis daftar",
               "mulai setiap baris dengan nama isian, misalnya  name: Keset Bulat"),
        "en": ("the file must hold  name: value  lines, but it holds a list",
               "start each line with a field name, e.g.  name: Round Doormat"),
    },
    "yaml.not_mapping_text": {
        "id": ("isi file harus baris-baris  nama: isi, tetapi di sini tertulis teks saja",
               "mulai setiap baris dengan nama isian, misalnya  name: Keset Bulat"),
        "en": ("the file must hold  name: value  lines, but it holds just text",
               "start each line with a field name, e.g.  name: Round Doormat"),
    },
    "field.unknown_close": {
        "id": ("isian \"{key}\" tidak dikenal, jadi isinya tidak dipakai",
               "mungkin maksudnya {close}? tulis  {close}:"),
        "en": ("unknown field \"{key}\", so its value is not used",
               "did you mean {close}? write  {close}:"),
    },
    "field.unknown_word": {
        "id": ("isian \"{key}\" tidak dikenal, jadi isinya tidak dipakai",
               "nama isian ditulis dalam bahasa Inggris: tulis  {close}:  sebagai ganti  {key}:"),
        "en": ("unknown field \"{key}\", so its value is not used",
               "field names are English words: write  {close}:  instead of  {key}:"),
    },
    "field.unknown": {
        "id": ("isian \"{key}\" tidak dikenal, jadi isinya tidak dipakai",
               "isian yang dikenal: {known}; bila ini catatan Anda sendiri, jalankan dengan --lenient"),
        "en": ("unknown field \"{key}\", so its value is not used",
               "the known fields are: {known}; if this is a note of your own, run with --lenient"),
    },
    "field.continuation": {
        "id": ("baris ini sepertinya bagian dari {above} di atasnya, tetapi terbaca sebagai isian baru \"{key}\"",
               "beri dua spasi di awal baris ini, dan ubah baris {above_line} menjadi  {above}: |  "
               "dengan teksnya di baris-baris berikutnya, juga diawali dua spasi"),
        "en": ("this line looks like part of the {above} above, but it is read as a new field \"{key}\"",
               "indent it by two spaces, and change line {above_line} to  {above}: |  "
               "with its text on the lines below, also indented by two spaces"),
    },
    "yaml.comment_value": {
        "id": ("teks setelah # terbuang: \"{lost}\" tidak ikut tampil di {key}",
               "beri tanda kutip di awal dan akhir teksnya, atau pakai  {key}: |  "
               "dan tulis teksnya di baris berikutnya, diawali dua spasi"),
        "en": ("the text after # is dropped: \"{lost}\" would not appear in {key}",
               "put the text in quotes, or write  {key}: |  with the text on the next line, "
               "indented by two spaces"),
    },
    "yaml.comment_item": {
        "id": ("teks setelah # terbuang: \"{lost}\" tidak ikut tampil di {key}",
               "beri tanda kutip di awal dan akhir teksnya:  - \"...\""),
        "en": ("the text after # is dropped: \"{lost}\" would not appear in {key}",
               "put the text in quotes:  - \"...\""),
    },
    "starter.left": {
        "id": ("{key} masih berisi teks contoh dari new product: \"{value}\"",
               "ganti dengan keterangan yang sebenarnya, atau hapus barisnya"),
        "en": ("{key} still holds the example text of new product: \"{value}\"",
               "replace it with the real text, or delete the line"),
    },
    "starter.left_story": {
        "id": ("teks cerita masih berisi contoh dari new story", "ganti dengan cerita yang sebenarnya"),
        "en": ("the story text is still the example of new story", "replace it with the real story"),
    },
    "field.required": {
        "id": ("'{key}' wajib diisi", "tambahkan baris  {key}: ...  dengan isinya"),
        "en": ("'{key}' is required", "add a line  {key}: ...  with its value"),
    },
    "field.not_scalar": {
        "id": ("'{key}' berisi daftar atau kelompok, padahal harus satu teks atau angka",
               "tulis isinya di baris yang sama:  {key}: ..."),
        "en": ("'{key}' holds a {kind}, but it must be a single value",
               "write the value on the same line:  {key}: ..."),
    },
    "field.too_long": {
        "id": ("'{key}' terlalu panjang ({length} huruf, batasnya {limit})", "persingkat teksnya"),
        "en": ("'{key}' is too long ({length} characters, the limit is {limit})",
               "shorten the text"),
    },
    "field.not_bool": {
        "id": ("'{key}' berisi \"{value}\", padahal harus true atau false",
               "tulis  {key}: true  (ya) atau  {key}: false  (tidak)"),
        "en": ("'{key}' is \"{value}\", but it must be true or false",
               "write  {key}: true  or  {key}: false"),
    },
    "field.not_count": {
        "id": ("'{key}' berisi \"{value}\", padahal harus bilangan bulat (0 atau lebih)",
               "tulis angkanya saja, misalnya  {key}: 3"),
        "en": ("'{key}' is \"{value}\", but it must be a whole number (0 or more)",
               "write just the number, e.g.  {key}: 3"),
    },
    "product.lead_time_not_preorder": {
        "id": ("lead_time hanya ditampilkan untuk produk pre-order",
               "tambahkan  status: preorder, atau hapus baris lead_time"),
        "en": ("lead_time is only shown for pre-order products",
               "add  status: preorder, or remove the lead_time line"),
    },
    "field.not_whole": {
        "id": ("'{key}' berisi \"{value}\", padahal harus bilangan bulat lebih dari 0",
               "tulis angkanya saja, misalnya  {key}: 250"),
        "en": ("'{key}' is \"{value}\", but it must be a whole number above 0",
               "write just the number, e.g.  {key}: 250"),
    },
    "field.not_colour": {
        "id": ("'{key}' berisi \"{value}\", padahal harus kode warna seperti \"#0b6b3a\"",
               "tulis tanda # lalu 6 angka/huruf (0-9, a-f) dalam tanda kutip, misalnya  "
               "{key}: \"#0b6b3a\""),
        "en": ("'{key}' is \"{value}\", but it must be a colour code such as \"#0b6b3a\"",
               "write # and 6 digits or letters (0-9, a-f) in quotes, e.g.  {key}: \"#0b6b3a\""),
    },
    "field.colour_empty": {
        "id": ("'{key}' kosong; kode warna tanpa tanda kutip dibaca sebagai catatan",
               "beri tanda kutip, misalnya  {key}: \"#0b6b3a\"  (atau hapus baris ini)"),
        "en": ("'{key}' is empty; a colour code without quotes is read as a comment",
               "put it in quotes, e.g.  {key}: \"#0b6b3a\"  (or delete this line)"),
    },
    "field.not_list": {
        "id": ("'{key}' harus berupa daftar", "tulis setiap isi di baris sendiri, diawali  - "),
        "en": ("'{key}' must be a list", "write each item on its own line starting with  - "),
    },
    "field.list_item_text": {
        "id": ("isi daftar '{key}' di baris ini kosong atau bukan teks",
               "tulis teks biasa setelah  - "),
        "en": ("this item of '{key}' is empty or not text", "write plain text after  - "),
    },
    "price.zero": {
        "id": ("harga tidak boleh 0", "tulis harga penuh dalam rupiah, misalnya  price: 25000"),
        "en": ("the price cannot be 0", "write the full price in rupiah, e.g.  price: 25000"),
    },
    "price.too_big": {
        "id": ("harga \"{value}\" terlalu besar", "periksa jumlah angka nolnya"),
        "en": ("the price \"{value}\" is too large", "check the number of zeros"),
    },
    "price.not_number": {
        "id": ("harga \"{value}\" bukan angka", "tulis harga penuh dalam rupiah, misalnya  price: 25000"),
        "en": ("the price \"{value}\" is not a number",
               "write the full price in rupiah, e.g.  price: 25000"),
    },
    "price.negative": {
        "id": ("harga \"{value}\" negatif", "tulis harga tanpa tanda minus, misalnya  price: 25000"),
        "en": ("the price \"{value}\" is negative",
               "write the price without a minus sign, e.g.  price: 25000"),
    },
    "price.currency": {
        "id": ("harga \"{value}\" memuat Rp atau tanda baca", "tulis angkanya saja: {fixed}"),
        "en": ("the price \"{value}\" contains Rp or punctuation", "write only the number: {fixed}"),
    },
    "price.dots_read": {
        "id": ("harga \"{value}\" terbaca sebagai {read}",
               "tulis angka penuh tanpa titik: {fixed}"),
        "en": ("the price \"{value}\" is read as {read}",
               "write the full number without dots: {fixed}"),
    },
    "price.dots": {
        "id": ("harga \"{value}\" memakai titik", "tulis angka penuh tanpa titik: {fixed}"),
        "en": ("the price \"{value}\" contains dots", "write the full number without dots: {fixed}"),
    },
    "price.commas": {
        "id": ("harga \"{value}\" memakai koma", "tulis angka penuh tanpa koma: {fixed}"),
        "en": ("the price \"{value}\" contains commas",
               "write the full number without commas: {fixed}"),
    },
    "price.fraction": {
        "id": ("harga \"{value}\" bukan rupiah bulat",
               "tulis harga penuh dalam rupiah tanpa titik atau koma, misalnya  price: 25000"),
        "en": ("the price \"{value}\" is not whole rupiah",
               "write the full price in rupiah without dots or commas, e.g.  price: 25000"),
    },
    "phone.unquoted": {
        "id": ("nomor {value} tanpa tanda kutip dibaca YAML sebagai angka (0 atau + di depan bisa hilang)",
               "beri tanda kutip:  \"{value}\""),
        "en": ("the number {value} without quotes is read by YAML as a number (a leading 0 or + can be lost)",
               "put it in quotes:  \"{value}\""),
    },
    "phone.invalid": {
        "id": ("\"{value}\" bukan nomor telepon yang sah",
               "tulis nomor WhatsApp lengkap, misalnya  \"0812-3456-7890\"  atau  \"+62 812 3456 7890\""),
        "en": ("\"{value}\" is not a valid phone number",
               "write the full WhatsApp number, e.g.  \"0812-3456-7890\"  or  \"+62 812 3456 7890\""),
    },
    "order_message.too_long": {
        "id": ("order_message terlalu panjang ({length} huruf, batasnya {limit})",
               "persingkat pesannya; pembeli bisa menambah sendiri"),
        "en": ("order_message is too long ({length} characters, the limit is {limit})",
               "shorten it; buyers can add their own words"),
    },
    "order_message.braces": {
        "id": ("order_message memuat kurung kurawal yang tidak berpasangan",
               "pakai kurung kurawal hanya untuk {{product}}, {{price}}, {{url}} dan sejenisnya"),
        "en": ("order_message has an unmatched curly brace",
               "use curly braces only for {{product}}, {{price}}, {{url}} and the like"),
    },
    "order_message.format": {
        "id": ("order_message memakai {{{written}}}: tanda : atau ! di dalam kurung kurawal tidak bisa dipakai",
               "tulis {{{name}}} saja"),
        "en": ("order_message uses {{{written}}}: a : or ! inside the braces cannot be used",
               "write just {{{name}}}"),
    },
    "order_message.placeholder": {
        "id": ("order_message memakai {{{name}}} yang tidak dikenal", "yang bisa dipakai: {known}"),
        "en": ("order_message uses the unknown {{{name}}}", "you can use: {known}"),
    },
    "path.url": {
        "id": ("gambar \"{value}\" adalah tautan, bukan file",
               "simpan fotonya di content/images/ lalu tulis  images/nama-foto.jpg"),
        "en": ("the image \"{value}\" is a link, not a file",
               "save the photo in content/images/ and write  images/photo-name.jpg"),
    },
    "path.backslash": {
        "id": ("alamat gambar \"{value}\" memakai garis miring terbalik", "pakai / seperti ini: {fixed}"),
        "en": ("the image path \"{value}\" uses backslashes", "use / like this: {fixed}"),
    },
    "path.absolute": {
        "id": ("alamat gambar \"{value}\" dimulai dari akar disk",
               "tulis alamat dari folder content/, misalnya  images/keset.jpg"),
        "en": ("the image path \"{value}\" starts at the root of the disk",
               "write the path from the content/ folder, e.g.  images/doormat.jpg"),
    },
    "path.outside": {
        "id": ("gambar \"{value}\" ada di luar folder content/",
               "salin fotonya ke content/images/ dan tulis  images/nama-foto.jpg"),
        "en": ("the image \"{value}\" is outside the content/ folder",
               "copy the photo into content/images/ and write  images/photo-name.jpg"),
    },
    "path.not_image": {
        "id": ("\"{value}\" bukan jenis foto yang didukung",
               "pakai foto berakhiran {kinds}"),
        "en": ("\"{value}\" is not a supported kind of photo",
               "use a photo ending in {kinds}"),
    },
    "path.missing_close": {
        "id": ("gambar \"{value}\" tidak ada", "mungkin maksudnya \"{close}\"?"),
        "en": ("the image \"{value}\" does not exist", "did you mean \"{close}\"?"),
    },
    "path.missing": {
        "id": ("gambar \"{value}\" tidak ada",
               "periksa nama file (huruf besar/kecil juga) di folder content/"),
        "en": ("the image \"{value}\" does not exist",
               "check the file name (capital letters too) in the content/ folder"),
    },
    "config.missing": {
        "id": ("file pengaturan situs tidak ada",
               "buat content/site.yaml dengan title, base_url dan whatsapp"),
        "en": ("the site settings file is missing",
               "create content/site.yaml with title, base_url and whatsapp"),
    },
    "config.language": {
        "id": ("bahasa \"{value}\" tidak tersedia", "tulis  language: id  atau  language: en"),
        "en": ("the language \"{value}\" is not available", "write  language: id  or  language: en"),
    },
    "config.currency": {
        "id": ("mata uang \"{value}\" tidak didukung", "tulis  currency: IDR"),
        "en": ("the currency \"{value}\" is not supported", "write  currency: IDR"),
    },
    "config.base_url": {
        "id": ("base_url \"{value}\" bukan alamat https lengkap",
               "tulis alamat situs lengkap, misalnya  https://etalase-purwokerto.netlify.app"),
        "en": ("base_url \"{value}\" is not a full https address",
               "write the full site address, e.g.  https://etalase-purwokerto.netlify.app"),
    },
    "config.pickup_address": {
        "id": ("pickup \"{value}\" tampak seperti alamat rumah (\"{word}\")",
               "tulis wilayahnya saja, jangan alamat rumah, misalnya  pickup: Kecamatan "
               "Purwokerto Timur"),
        "en": ("pickup \"{value}\" looks like a home address (\"{word}\")",
               "write only the area, never a home address, e.g.  pickup: Purwokerto Timur "
               "district"),
    },
    "config.closing_lines": {
        "id": ("order_closing berisi {count} baris, batasnya {limit}",
               "sisakan baris yang penting saja, misalnya  Nama:  Alamat:  Kurir:"),
        "en": ("order_closing has {count} lines, the limit is {limit}",
               "keep the lines that matter, e.g.  Nama:  Alamat:  Kurir:"),
    },
    "config.picture_kind": {
        "id": ("{key} \"{value}\" bukan gambar PNG, JPEG atau WebP",
               "simpan gambarnya sebagai PNG (aplikasi desain atau galeri ponsel bisa), "
               "taruh di content/images/, lalu tulis  {key}: images/{key}.png"),
        "en": ("the {key} \"{value}\" is not a PNG, JPEG or WebP picture",
               "save the picture as a PNG (a design or gallery app can), put it in "
               "content/images/ and write  {key}: images/{key}.png"),
    },
    "config.theme": {
        "id": ("tema \"{value}\" bukan nama folder di dalam themes/",
               "tulis nama foldernya saja, misalnya  theme: default"),
        "en": ("the theme \"{value}\" is not the name of a folder inside themes/",
               "write the folder name only, e.g.  theme: default"),
    },
    "theme.image_width": {
        "id": ("lebar foto \"{value}\" tidak bisa dipakai",
               "tulis lebar dalam piksel, angka 100 sampai {limit}, misalnya  [320, 480, 800]"),
        "en": ("the photo width \"{value}\" cannot be used",
               "write widths in pixels, from 100 to {limit}, e.g.  [320, 480, 800]"),
    },
    "theme.image_format": {
        "id": ("format foto \"{value}\" tidak dikenal",
               "pakai {known}; JPEG selalu dibuat untuk ponsel lama"),
        "en": ("the photo format \"{value}\" is unknown",
               "use {known}; a JPEG is always made for old browsers"),
    },
    "theme.image_quality": {
        "id": ("{key} berisi {value}, padahal paling tinggi 100", "tulis angka 1 sampai 100"),
        "en": ("{key} is {value}, but the most is 100", "write a number from 1 to 100"),
    },
    "theme.missing": {
        "id": ("tema \"{name}\" tidak ditemukan di folder themes/",
               "hapus baris theme atau tulis  theme: default"),
        "en": ("the theme \"{name}\" is not in the themes/ folder",
               "remove the theme line or write  theme: default"),
    },
    "product.status_close": {
        "id": ("status \"{value}\" tidak dikenal",
               "tulis  status: {close}  (status ditulis dalam bahasa Inggris: available = "
               "tersedia, sold_out = habis, preorder = pesan dulu)"),
        "en": ("unknown status \"{value}\"",
               "write  status: {close}  (available, sold_out or preorder)"),
    },
    "product.status": {
        "id": ("status \"{value}\" tidak dikenal",
               "pakai salah satu: available (tersedia), sold_out (habis), preorder (pesan dulu)"),
        "en": ("unknown status \"{value}\"", "use one of: available, sold_out, preorder"),
    },
    "product.category_slug": {
        "id": ("kategori \"{value}\" tidak bisa dijadikan alamat halaman", "pakai huruf atau angka"),
        "en": ("the category \"{value}\" cannot be turned into a page address",
               "use letters or digits"),
    },
    "markdown.image": {
        "id": ("gambar di dalam teks '{key}' tidak ditampilkan",
               "pasang foto lewat images: (produk) atau photo: (cerita) agar data lokasinya dibersihkan"),
        "en": ("images inside the text of '{key}' are not shown",
               "add photos with images: (products) or photo: (stories) so their location data is removed"),
    },
    "image.bad_entry": {
        "id": ("isi gambar di baris ini tidak bisa dibaca",
               "tulis  - images/foto.jpg  atau  - src: images/foto.jpg  dengan  alt: ..."),
        "en": ("the image entry on this line cannot be read",
               "write  - images/photo.jpg  or  - src: images/photo.jpg  with  alt: ..."),
    },
    "image.too_big": {
        "id": ("foto \"{value}\" terlalu besar (lebih dari {limit} megapiksel)",
               "perkecil fotonya dulu, atau pakai foto lain"),
        "en": ("the photo \"{value}\" is too large (more than {limit} megapixels)",
               "make the photo smaller first, or use another one"),
    },
    "image.unreadable": {
        "id": ("foto \"{value}\" rusak atau bukan foto",
               "buka fotonya di ponsel untuk memeriksa, lalu salin ulang atau pakai foto lain"),
        "en": ("the photo \"{value}\" is damaged or not a photo",
               "open it on a phone to check, then copy it again or use another photo"),
    },
    "image.not_photo": {
        "id": ("file \"{value}\" bukan foto JPEG/PNG/WebP/AVIF/HEIC",
               "buka file-nya; bila itu gambar, simpan ulang sebagai foto JPEG (misalnya "
               "dengan aplikasi galeri di ponsel), lalu pakai file baru itu"),
        "en": ("the file \"{value}\" is not a JPEG/PNG/WebP/AVIF/HEIC photo",
               "open it; if it is a picture, save it again as a JPEG photo (e.g. with the "
               "phone's gallery app) and use the new file"),
    },
    "image.wrong_suffix": {
        "id": ("foto \"{value}\" sebenarnya foto {actual}, bukan {claimed}",
               "ganti akhiran nama file-nya menjadi {suffix}, lalu tulis nama baru itu di "
               "baris ini"),
        "en": ("the photo \"{value}\" is really a {actual} photo, not {claimed}",
               "rename the file to end in {suffix} and write the new name on this line"),
    },
    "photo.location": {
        "id": ("foto ini menyimpan lokasi tempat foto diambil (GPS); repositori menyimpannya "
               "untuk siapa saja",
               "jalankan  python site.py clean-photos  untuk menghapus data itu dari semua "
               "foto di content/ (gambarnya tetap sama)"),
        "en": ("this photo carries the place where it was taken (GPS), which the repository "
               "keeps for anyone to read",
               "run  python site.py clean-photos  to remove that data from every photo in "
               "content/ (the pictures stay the same)"),
    },
    "photo.metadata": {
        "id": ("foto ini menyimpan data kamera atau data tersembunyi lain (EXIF, XMP)",
               "jalankan  python site.py clean-photos  untuk menghapus data itu dari semua "
               "foto di content/ (gambarnya tetap sama)"),
        "en": ("this photo carries camera data or other hidden data (EXIF, XMP)",
               "run  python site.py clean-photos  to remove that data from every photo in "
               "content/ (the pictures stay the same)"),
    },
    "clean.cleaned": {
        "id": ("dibersihkan: {path}", ""),
        "en": ("cleaned: {path}", ""),
    },
    "clean.failed": {
        "id": ("tidak bisa dibersihkan: {path} rusak (terpotong atau bukan foto utuh)",
               "salin ulang foto aslinya dari ponsel, lalu jalankan lagi  python site.py "
               "clean-photos"),
        "en": ("cannot clean {path}: it is damaged (cut short or not a whole photo)",
               "copy the original photo from the phone again, then run  python site.py "
               "clean-photos  again"),
    },
    "summary.cleaned": {
        "id": ("OK: {count} foto dibersihkan dari data lokasi dan kamera; {clean} foto lain "
               "sudah bersih", ""),
        "en": ("OK: {count} photo(s) cleaned of location and camera data; {clean} other "
               "photo(s) were clean already", ""),
    },
    "image.icon_small": {
        "id": ("ikon \"{value}\" kecil (kurang dari 192 piksel); di layar utama HP tampak buram",
               "pakai gambar persegi yang lebih besar, paling baik 512 × 512 piksel"),
        "en": ("the icon \"{value}\" is small (under 192 pixels); it looks blurred on a phone's "
               "home screen", "use a larger square picture, 512 × 512 pixels is best"),
    },
    "image.icon_not_square": {
        "id": ("ikon \"{value}\" tidak persegi; sisanya diisi warna toko",
               "potong gambarnya menjadi persegi (sama lebar dan tinggi) agar ikon terisi penuh"),
        "en": ("the icon \"{value}\" is not square; the rest is filled with the shop's colour",
               "crop the picture to a square (as wide as it is high) so that it fills the icon"),
    },
    "image.logo_small": {
        "id": ("logo \"{value}\" pendek (kurang dari 52 piksel); di HP tampak kecil atau buram",
               "pakai gambar logo setinggi paling sedikit 52 piksel"),
        "en": ("the logo \"{value}\" is short (under 52 pixels); on a phone it looks small or "
               "blurred", "use a logo picture at least 52 pixels high"),
    },
    "image.animated": {
        "id": ("foto \"{value}\" bergerak (animasi); hanya gambar pertamanya yang dipakai",
               "pakai foto diam bila gambar pertama kurang bagus"),
        "en": ("the photo \"{value}\" is animated; only its first frame is used",
               "use a still photo if the first frame does not look right"),
    },
    "images.progress": {
        "id": ("Mengolah {count} foto", ""),
        "en": ("Processing {count} photos", ""),
    },
    "variant.bad_entry": {
        "id": ("pilihan di baris ini tidak bisa dibaca",
               "tulis  - name: Biru  dan, bila harganya beda,  price: 30000"),
        "en": ("the option on this line cannot be read",
               "write  - name: Blue  and, if its price differs,  price: 30000"),
    },
    "variant.duplicate": {
        "id": ("pilihan \"{name}\" ditulis dua kali", "hapus salah satunya"),
        "en": ("the option \"{name}\" is listed twice", "delete one of them"),
    },
    "category.spelling": {
        "id": ("kategori \"{value}\" ditulis berbeda dari produk lain ({count} produk menulis "
               "\"{other}\")",
               "tulis  category: {other}  persis sama, agar semuanya masuk satu kategori"),
        "en": ("the category \"{value}\" is spelled differently from other products ({count} "
               "write \"{other}\")",
               "write  category: {other}  exactly, so that they all share one category"),
    },
    "url.collision": {
        "id": ("alamat halaman /{slug}/ sudah dipakai {other}",
               "ganti nama salah satu file"),
        "en": ("the page address /{slug}/ is already taken by {other}",
               "rename one of the two files"),
    },
    "url.collision_case": {
        "id": ("nama file ini hanya beda huruf besar/kecil dengan {other}, jadi alamat halamannya sama (/{slug}/)",
               "hapus salah satu, atau beri nama lain; di Windows dan Mac keduanya bahkan dianggap file yang sama"),
        "en": ("this file's name differs from {other} only in capital letters, so both have the page address /{slug}/",
               "delete one of them or give it another name; Windows and Mac even treat both as the same file"),
    },
    "url.output_clash": {
        "id": ("file {path} akan ditulis dua kali (juga oleh {other})",
               "ganti nama salah satu file"),
        "en": ("the file {path} would be written twice (also by {other})",
               "rename one of the two files"),
    },
    "story.front_matter": {
        "id": ("cerita harus diawali bagian data di antara dua baris ---",
               "mulai file dengan  ---, lalu title:, member:, date:, consent:, lalu  --- lagi"),
        "en": ("a story must start with a data block between two --- lines",
               "start the file with  ---, then title:, member:, date:, consent:, then  --- again"),
    },
    "story.date": {
        "id": ("tanggal \"{value}\" tidak bisa dibaca", "tulis tahun-bulan-hari, misalnya  date: 2024-05-17"),
        "en": ("the date \"{value}\" cannot be read", "write year-month-day, e.g.  date: 2024-05-17"),
    },
    "story.no_consent": {
        "id": ("cerita ini tidak diterbitkan: consent berisi \"{value}\", bukan true",
               "terbitkan hanya bila anggota sudah setuju, dengan menulis  consent: true"),
        "en": ("this story is not published: consent is \"{value}\", not true",
               "publish only when the member has agreed, by writing  consent: true"),
    },
    "story.consent_quoted": {
        "id": ("cerita ini tidak diterbitkan: consent ditulis dengan tanda kutip",
               "bila anggota sudah setuju, tulis  consent: true  tanpa tanda kutip"),
        "en": ("this story is not published: consent is written in quotes",
               "if the member has agreed, write  consent: true  without quotes"),
    },
    "story.unknown_product_close": {
        "id": ("produk \"{slug}\" tidak ada", "mungkin maksudnya \"{close}\"?"),
        "en": ("there is no product \"{slug}\"", "did you mean \"{close}\"?"),
    },
    "story.unknown_product": {
        "id": ("produk \"{slug}\" tidak ada",
               "tulis nama file produk tanpa .yaml, misalnya  keset-bulat"),
        "en": ("there is no product \"{slug}\"",
               "write the product's file name without .yaml, e.g.  round-doormat"),
    },
    "template.error": {
        "id": ("tema gagal membuat halaman: {detail}", "periksa templat tema di baris ini"),
        "en": ("the theme failed to render a page: {detail}", "check the theme template on this line"),
    },
    "template.style_attribute": {
        "id": ("atribut style tidak diizinkan oleh kebijakan keamanan (CSP) halaman",
               "pindahkan gayanya ke style.css dan pakai class"),
        "en": ("a style attribute is not allowed by the pages' security policy (CSP)",
               "move the style into style.css and use a class"),
    },
    "deploy.no_build": {
        "id": ("tidak ada situs yang sudah dibuat di {path}", "jalankan  python site.py build  dulu"),
        "en": ("there is no built site in {path}", "run  python site.py build  first"),
    },
    "deploy.bad_name": {
        "id": ("nama file memuat # atau ?: {names}", "ganti nama file itu; tidak ada yang diunggah"),
        "en": ("file names contain # or ?: {names}", "rename those files; nothing was uploaded"),
    },
    "deploy.no_token": {
        "id": ("NETLIFY_AUTH_TOKEN belum diisi",
               "buat token di Netlify (User settings › Applications) lalu  export NETLIFY_AUTH_TOKEN=..."),
        "en": ("NETLIFY_AUTH_TOKEN is not set",
               "create a token in Netlify (User settings › Applications), then  export NETLIFY_AUTH_TOKEN=..."),
    },
    "deploy.bad_token": {
        "id": ("NETLIFY_AUTH_TOKEN memuat spasi, baris baru atau tanda yang tidak ada di token Netlify",
               "salin lagi tokennya dari Netlify (User settings › Applications) dalam satu baris, lalu isi ulang"),
        "en": ("NETLIFY_AUTH_TOKEN holds a space, a line break or a sign no Netlify token has",
               "copy the token again from Netlify (User settings › Applications) on one line, and set it again"),
    },
    "deploy.no_site": {
        "id": ("situs Netlify belum ditentukan",
               "tulis  netlify_site: <Site ID>  di content/site.yaml atau isi NETLIFY_SITE_ID"),
        "en": ("no Netlify site is set",
               "write  netlify_site: <Site ID>  in content/site.yaml or set NETLIFY_SITE_ID"),
    },
    "deploy.network": {
        "id": ("koneksi ke Netlify terputus ({reason}); situs masih menampilkan versi sebelumnya",
               "coba lagi saat sinyal lebih baik; yang sudah terunggah tidak diunggah ulang"),
        "en": ("the connection to Netlify failed ({reason}); the site still shows the previous version",
               "try again when the connection is better; what was uploaded is not uploaded again"),
    },
    "deploy.netlify_400": {
        "id": ("Netlify menolak permintaan (400); situs masih menampilkan versi sebelumnya",
               "perbarui Etalase atau laporkan masalah ini"),
        "en": ("Netlify refused the request (400); the site still shows the previous version",
               "update Etalase or report this problem"),
    },
    "deploy.netlify_401": {
        "id": ("Netlify menolak token ({status}); situs masih menampilkan versi sebelumnya",
               "periksa NETLIFY_AUTH_TOKEN; buat token baru bila perlu"),
        "en": ("Netlify refused the token ({status}); the site still shows the previous version",
               "check NETLIFY_AUTH_TOKEN; create a new token if needed"),
    },
    "deploy.netlify_404": {
        "id": ("situs Netlify tidak ditemukan (404); situs masih menampilkan versi sebelumnya",
               "periksa Site ID di netlify_site atau NETLIFY_SITE_ID"),
        "en": ("the Netlify site was not found (404); the site still shows the previous version",
               "check the Site ID in netlify_site or NETLIFY_SITE_ID"),
    },
    "deploy.netlify_422": {
        "id": ("Netlify tidak menerima unggahan ini (422); situs masih menampilkan versi sebelumnya",
               "jalankan  python site.py check  dan coba lagi"),
        "en": ("Netlify did not accept this upload (422); the site still shows the previous version",
               "run  python site.py check  and try again"),
    },
    "deploy.netlify_status": {
        "id": ("Netlify menjawab dengan kode masalah {status}; situs masih menampilkan versi sebelumnya",
               "coba lagi nanti"),
        "en": ("Netlify answered with error {status}; the site still shows the previous version",
               "try again later"),
    },
    "deploy.netlify_failed": {
        "id": ("Netlify gagal memproses unggahan (status: {state}); situs masih menampilkan versi sebelumnya",
               "lihat log deploy di Netlify, lalu coba lagi"),
        "en": ("Netlify failed to process the deploy (state: {state}); the site still shows the previous version",
               "read the deploy log on Netlify, then try again"),
    },
    "deploy.no_live": {
        "id": ("situs Netlify ini belum punya versi yang tayang", "jalankan  python site.py deploy  dulu"),
        "en": ("this Netlify site has no live deploy yet", "run  python site.py deploy  first"),
    },
    "deploy.git_remote": {
        "id": ("remote git \"{remote}\" tidak ada", "tulis alamatnya langsung:  --remote https://..."),
        "en": ("there is no git remote \"{remote}\"", "give its address instead:  --remote https://..."),
    },
    "deploy.git_target": {
        "id": ("isi cabang {branch} di {url} akan diganti dengan build/ ini", ""),
        "en": ("the branch {branch} of {url} is replaced with this build/", ""),
    },
    "deploy.git_dry_run": {
        "id": ("uji coba: {count} file akan diterbitkan; tidak ada yang dikirim", ""),
        "en": ("dry run: {count} files would be published; nothing was pushed", ""),
    },
    "deploy.zip_dry_run": {
        "id": ("uji coba: {path} akan berisi {count} file ({size} KB sebelum dipadatkan); tidak ada yang ditulis", ""),
        "en": ("dry run: {path} would hold {count} files ({size} KB before compression); nothing was written", ""),
    },
    "deploy.git_failed": {
        "id": ("git {command} gagal: {detail}", "periksa alamat remote dan izin menulis ke sana"),
        "en": ("git {command} failed: {detail}", "check the remote address and that you may push to it"),
    },
    "print.unknown_product": {
        "id": ("produk \"{slug}\" tidak ada", "pilih dari: {choices} (nama file tanpa .yaml)"),
        "en": ("there is no product \"{slug}\"", "choose from: {choices} (the file name without .yaml)"),
    },
    "print.unknown_category": {
        "id": ("kategori \"{value}\" tidak ada", "kategori yang ada: {known}"),
        "en": ("there is no category \"{value}\"", "the categories are: {known}"),
    },
    "summary.printed": {
        "id": ("OK: {count} label harga ditulis ke {path} — buka di browser lalu cetak (A4)", ""),
        "en": ("OK: {count} price tags written to {path} — open it in a browser and print (A4)", ""),
    },
    "serve.rebuilt": {
        "id": ("dibuat ulang dalam {seconds} detik", ""),
        "en": ("rebuilt in {seconds} s", ""),
    },
    "serve.error_title": {
        "id": ("Etalase: ada masalah, halaman ini masih versi terakhir yang berhasil. Perbaiki file-nya; halaman dimuat ulang sendiri.", ""),
        "en": ("Etalase: there is a problem; this page is the last version that worked. Fix the file and the page reloads by itself.", ""),
    },
    "serve.listening": {
        "id": ("Pratinjau di http://{host}:{port}{path}/ — tekan Ctrl+C untuk berhenti", ""),
        "en": ("Preview at http://{host}:{port}{path}/ — press Ctrl+C to stop", ""),
    },
    "serve.port_busy": {
        "id": ("port {port} sudah dipakai", "coba --port {free}"),
        "en": ("port {port} is already in use", "try --port {free}"),
    },
    "serve.port_denied": {
        "id": ("tidak bisa membuka pratinjau di {host} port {port}",
               "pakai --host 127.0.0.1 dan --port di atas 1024, misalnya --port 8000"),
        "en": ("cannot open the preview on {host} port {port}",
               "use --host 127.0.0.1 and a --port above 1024, such as --port 8000"),
    },
    "serve.phone": {
        "id": ("Dari ponsel di Wi-Fi yang sama, buka http://{address}:{port}{path}/", ""),
        "en": ("From a phone on the same Wi-Fi, open http://{address}:{port}{path}/", ""),
    },
    "wizard.name": {"id": ("Nama produk", ""), "en": ("Product name", "")},
    "wizard.price": {"id": ("Harga dalam rupiah (angka saja, misalnya 25000)", ""),
                     "en": ("Price in rupiah (digits only, e.g. 25000)", "")},
    "wizard.category": {"id": ("Kategori", ""), "en": ("Category", "")},
    "wizard.photo": {"id": ("Foto di folder content/ (misalnya images/keset.jpg; kosongkan bila belum ada)", ""),
                     "en": ("Photo in the content/ folder (e.g. images/doormat.jpg; leave empty if none yet)", "")},
    "wizard.whatsapp": {"id": ("Nomor WhatsApp untuk pesanan (kosongkan untuk nomor situs)", ""),
                        "en": ("WhatsApp number for orders (leave empty for the site's number)", "")},
    "wizard.categories": {"id": ("Kategori yang sudah ada: {names}", ""),
                          "en": ("Existing categories: {names}", "")},
    "wizard.bad_name": {"id": ("nama ini tidak bisa dipakai", "tulis 1 sampai 80 huruf, misalnya Keset Bulat"),
                        "en": ("this name cannot be used", "write 1 to 80 characters, e.g. Round Doormat")},
    "wizard.same_category": {"id": ("Kategori ini sudah ada, ditulis: {name}", ""),
                              "en": ("This category already exists, written: {name}", "")},
    "wizard.bad_category": {"id": ("kategori wajib diisi", "tulis misalnya Keset Perca"),
                            "en": ("a category is required", "write e.g. Fabric Doormats")},
    "init.exists": {
        "id": ("{path} sudah ada: di sini sudah ada situs", "pilih folder lain, misalnya  etalase init toko-baru"),
        "en": ("{path} already exists: there is a site here already", "choose another folder, e.g.  etalase init new-shop"),
    },
    "init.done": {
        "id": ("OK: situs baru di {folder} — ubah content/site.yaml, lalu jalankan  etalase serve  di folder itu", ""),
        "en": ("OK: a new site in {folder} — edit content/site.yaml, then run  etalase serve  in that folder", ""),
    },
    "new.exists": {
        "id": ("{path} sudah ada", "pakai nama lain atau sunting file itu"),
        "en": ("{path} already exists", "choose another name or edit that file"),
    },
    "new.bad_name": {
        "id": ("nama \"{name}\" tidak bisa dijadikan nama file", "pakai huruf dan angka"),
        "en": ("the name \"{name}\" cannot be turned into a file name", "use letters and digits"),
    },
    "new.story_title": {
        "id": ("new story perlu judul", 'tulis misalnya  new story "Judul cerita"'),
        "en": ("new story needs a title", 'write e.g.  new story "Story title"'),
    },
}

# The command line's help (`--help`), written in English in etalase/cli.py: English text
# -> Bahasa Indonesia. Click's own words are here too (headings, its help options).
HELP_ID: dict[str, str] = {
    "Etalase: build a small, fast catalog site from YAML products and Markdown stories.":
        "Etalase: membuat situs katalog yang kecil dan cepat dari file produk YAML dan "
        "cerita Markdown.",
    "Lay out a new site in FOLDER: site.yaml, the content folders, an example product.":
        "Menyiapkan situs baru di FOLDER: site.yaml, folder isi, dan satu contoh produk.",
    "Validate content without writing anything.": "Memeriksa isi tanpa menulis apa pun.",
    "Remove location and camera data from every photo in content/, in place.\n\nJPEGs "
    "keep their exact pixels; other photos are saved again at high quality.":
        "Menghapus data lokasi dan kamera dari semua foto di content/, langsung di file-nya."
        "\n\nFoto JPEG tetap sama persis; foto lain disimpan ulang dengan mutu tinggi.",
    "Check, then write the site into build/ (all or nothing).":
        "Memeriksa, lalu menulis situs ke build/ (semua atau tidak sama sekali).",
    "Write a starter file for a new product or story.\n\nWithout a name, `new product` asks "
    "for each field and checks every answer.":
        "Menulis file awal untuk produk atau cerita baru.\n\nTanpa nama, `new product` "
        "menanyakan setiap isian dan memeriksa setiap jawaban.",
    "Publish the site: to Netlify (default), a git branch, or a zip for Netlify Drop.":
        "Menerbitkan situs: ke Netlify (bawaan), ke cabang git, atau ke file zip untuk "
        "Netlify Drop.",
    "Preview the site, rebuilding and reloading the browser on every change.":
        "Pratinjau situs: dibangun ulang, dan browser dimuat ulang, setiap ada perubahan.",
    "Write an A4 page of price tags with QR codes, for market stalls.":
        "Menulis halaman A4 berisi label harga dengan kode QR, untuk lapak di pasar.",
    "The site folder (the one holding content/ and themes/).":
        "Folder situs (yang berisi content/ dan themes/).",
    "Treat warnings (skipped files, photos inside text...) as problems that stop.":
        "Anggap peringatan (file yang dilewati, foto di dalam teks...) sebagai masalah yang "
        "menghentikan.",
    "Report unknown fields as warnings (for notes of your own in content files).":
        "Laporkan isian yang tidak dikenal sebagai peringatan saja (untuk catatan Anda "
        "sendiri di file isi).",
    "Where to publish.": "Tujuan penerbitan.",
    "Publish build/ as it is (still checked).": "Terbitkan build/ apa adanya (tetap diperiksa).",
    "Show what would be published; publish nothing.":
        "Tampilkan apa yang akan diterbitkan, tanpa menerbitkan apa pun.",
    "git: remote name or URL.": "git: nama remote atau URL-nya.",
    "git: branch to publish.": "git: cabang tujuan.",
    "zip: the file to write (default: site.zip beside build/).":
        "zip: file yang ditulis (bawaan: site.zip di samping build/).",
    "Netlify: delete every deploy except the live one (after withdrawing a story).":
        "Netlify: hapus semua deploy kecuali yang sedang tayang (setelah menarik cerita).",
    "Address to listen on; 0.0.0.0 lets a phone on the same Wi-Fi look.":
        "Alamat yang didengarkan; 0.0.0.0 agar ponsel di Wi-Fi yang sama bisa melihat.",
    "Port to listen on.": "Port yang didengarkan.",
    "Also serve an admin at /admin/ to edit the shop from a phone (prints its link).":
        "Sajikan juga admin di /admin/ untuk mengubah toko dari HP (tautannya ditampilkan).",
    "A product (file name without .yaml); repeat for more.":
        "Sebuah produk (nama file tanpa .yaml); ulangi untuk produk lain.",
    "Only this category (its address, e.g. keset-perca).":
        "Hanya kategori ini (alamatnya, mis. keset-perca).",
    "What the QR code opens: the WhatsApp order, or the product page.":
        "Yang dibuka kode QR: pesanan lewat WhatsApp, atau halaman produk.",
    "The page to write (default: price-tags.html in the site folder).":
        "Halaman yang ditulis (bawaan: price-tags.html di folder situs).",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Show this message and exit.": "Tampilkan pesan ini lalu keluar.",
    "Usage:": "Cara pakai:",
    "[OPTIONS]": "[PILIHAN]",
    "COMMAND [ARGS]...": "PERINTAH [LAINNYA]...",
    "[NAME]": "[NAMA]",
    "KIND": "JENIS",
    "DIRECTORY": "FOLDER",
    "INTEGER": "ANGKA",
    "TEXT": "TEKS",
    "FILE": "FILE",
    "PATH": "ALAMAT",
    # Click's own messages (it marks them for gettext; see clihelp.translate_click)
    "Error: {message}": "Masalah: {message}",
    "Aborted!": "Dibatalkan.",
    "Try '{command} {option}' for help.": "Ketik '{command} {option}' untuk bantuan.",
    "Invalid value: {message}": "Tidak bisa dipakai: {message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} tidak bisa dipakai: {message}",
    "Missing argument": "Belum ditulis",
    "Missing option": "Belum ditulis",
    "Missing parameter": "Belum ditulis",
    "Missing {param_type}": "Belum ditulis",
    "Missing parameter: {param_name}": "Belum ditulis: {param_name}",
    "Missing command.": "Perintahnya belum ditulis.",
    "No such option {name!r}.": "Tidak ada pilihan {name!r}.",
    "No such command {name!r}.": "Tidak ada perintah {name!r}.",
    "Did you mean {possibility}?": "Mungkin maksudnya {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Mungkin maksudnya salah satu dari: {possibilities}?)",
    "Got unexpected extra argument ({args})": "Ada tambahan yang tidak dikenal ({args})",
    "Got unexpected extra arguments ({args})": "Ada tambahan yang tidak dikenal ({args})",
    "Option {name!r} requires an argument.": "Pilihan {name!r} perlu diisi.",
    "Option {name!r} requires {nargs} arguments.": "Pilihan {name!r} perlu {nargs} isi.",
    "Option {name!r} does not take a value.": "Pilihan {name!r} tidak perlu diisi.",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan angka yang benar.",
    "{value} is not in the range {range}.": "{value} di luar batas {range}.",
    "{name} {filename!r} does not exist.": "{filename!r} tidak ada.",
    "{name} {filename!r} is a file.": "{filename!r} adalah file, bukan folder.",
    "{name} {filename!r} is a directory.": "{filename!r} adalah folder, bukan file.",
    "Choose from:\n\t{choices}": "Pilih salah satu:\n\t{choices}",
    "Error: invalid input": "Masalah: jawaban tidak bisa dipakai",
    "Repeat for confirmation": "Ulangi untuk memastikan",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "Options": "Pilihan",
    "Commands": "Perintah",
    "default: ": "bawaan: ",
}


SITE_COMMAND = "python site.py"  # how hints name the command unless told otherwise
_command = SITE_COMMAND


def use_command(typed: str) -> None:
    """Hints name the command as the volunteer typed it: ``etalase`` (installed with
    pip), ``python -m etalase`` or ``python site.py`` (a copy of the project)."""
    global _command
    _command = typed


def as_typed(text: str) -> str:
    """``text`` with the command it tells the volunteer to run written as they type it
    (see ``use_command``): in messages, and in the files ``init`` and ``new`` write."""
    return text if _command == SITE_COMMAND else text.replace(SITE_COMMAND, _command)


# Why a file could not be written, in plain words (the system's own are English).
SYSTEM_REASONS = {
    errno.EACCES: ("tidak ada izin menulis di sana", "there is no permission to write there"),
    errno.EPERM: ("tidak ada izin menulis di sana", "there is no permission to write there"),
    errno.EROFS: ("disk itu hanya bisa dibaca", "that disk can only be read"),
    errno.ENOENT: ("foldernya hilang saat build berjalan", "its folder went missing during the build"),
    errno.ENAMETOOLONG: ("nama atau jalurnya terlalu panjang", "its name or path is too long"),
    errno.EISDIR: ("ada folder di tempat file itu", "a folder is where that file goes"),
    errno.ENOTDIR: ("ada file di tempat folder itu", "a file is where that folder goes"),
}


def system_reason(failure: OSError, lang: str) -> str:
    """Why ``failure`` happened, in the volunteer's language."""
    known = SYSTEM_REASONS.get(failure.errno or 0)
    if known:
        return known[lang == "en"]
    if lang == "en":
        return failure.strerror or str(failure)
    return f"kesalahan sistem nomor {failure.errno}" if failure.errno else "kesalahan sistem"


_root = ""  # the site folder the volunteer named with --root ("": the current one)
_RUN = re.compile(re.escape(SITE_COMMAND) + r" [a-z][a-z-]*")  # a command a hint gives


def use_root(root: str) -> None:
    """Hints name the site folder the volunteer named (``--root``): the command they are
    told to run then works from where they are."""
    global _root
    _root = "" if root in ("", ".") else root


def text(key: str, lang: str, args: Mapping[str, Any]) -> tuple[str, str]:
    """(message, hint) for a key in a language, with its values filled in."""
    entry = CATALOG[key]
    message, hint = entry.get(lang, entry[DEFAULT_LANG])
    return _as_run_here(message.format(**args)), _as_run_here(hint.format(**args))


def _as_run_here(text: str) -> str:
    """``as_typed``, with the site folder after each command when one was named."""
    if _root:
        folder = f'"{_root}"' if re.search(r"[\s\"'&|;<>()$`*?]", _root) else _root
        text = _RUN.sub(lambda run: f"{run.group(0)} --root {folder}", text)
    return as_typed(text)


def label(severity: str, lang: str) -> str:
    return LABELS.get(lang, LABELS[DEFAULT_LANG])[severity]
