DROP TABLE user_totp;
