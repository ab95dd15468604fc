// Prints the PBKDF2 hash of the password in API_PASSWORD, in the form mediquo.api.user.NAME.password-hash takes
// (the one Jakarta Security's Pbkdf2PasswordHash verifies):  API_PASSWORD='…' jshell -q server-config/password-hash.jsh
var salt = new byte[32]; new java.security.SecureRandom().nextBytes(salt);
var hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new javax.crypto.spec.PBEKeySpec(System.getenv("API_PASSWORD").toCharArray(), salt, 2048, 256)).getEncoded();
System.out.println("PBKDF2WithHmacSHA256:2048:" + java.util.Base64.getEncoder().encodeToString(salt) + ":" + java.util.Base64.getEncoder().encodeToString(hash));
/exit
