// Makes the sealed-box known-answer vector: a fresh X25519 recipient key pair, random bytes, and
// libsodium's crypto_box_seal of them. With an argument (hex recipient pk, sk, sealed) it opens a box instead.
const sodium = require('libsodium-wrappers');
(async () => {
  await sodium.ready;
  const hex = sodium.to_hex;
  if (process.argv.length > 2) {
    const [pk, sk, sealed] = process.argv.slice(2).map(sodium.from_hex);
    console.log(hex(sodium.crypto_box_seal_open(sealed, pk, sk)));
    return;
  }
  const kp = sodium.crypto_box_keypair();
  const message = sodium.randombytes_buf(45);
  const sealed = sodium.crypto_box_seal(message, kp.publicKey);
  console.log(JSON.stringify({recipientPublic: hex(kp.publicKey), recipientScalar: hex(kp.privateKey),
    message: hex(message), sealedByLibsodium: hex(sealed), libsodium: sodium.sodium_version_string()}, null, 1));
})();
