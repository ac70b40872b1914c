import type { profileFi } from './profile.fi';

/** Profile page (issue 12): English. */
export const profileEn: Record<keyof typeof profileFi, string> = {
  'profile.title': 'My profile',
  'profile.passwordTitle': 'Change password',
  'profile.currentPassword': 'Current password',
  'profile.newPassword': 'New password',
  'profile.newPasswordHint':
    'At least 12 characters. The most common passwords, variants of them, runs of characters (such as 123456789012 or qwertyuiop), your name and your e-mail address are not accepted.',
  'profile.change': 'Change password',
  'profile.changing': 'Changing the password',
  'profile.changed': 'Password changed. Your other sessions were ended.',
  'profile.wrongPassword': 'The current password is wrong.',
  'profile.tooShort': 'The password must have at least {min} characters.',
  'profile.tooCommon': 'The password is too common. Choose another.',
  'profile.commonVariant': 'The password is a common password with digits or symbols added at its start or end. Choose another.',
  'profile.pattern':
    'The password is easy to guess: one character repeated, characters in sequence or a keyboard row. Choose another.',
  'profile.personal': "The password is made of your e-mail address, your name or the service's name. Choose another.",
  'profile.sessionsTitle': 'Sessions',
  'profile.sessionCreated': 'Signed in {time}',
  'profile.sessionExpires': 'valid until {time}',
  'profile.thisSession': 'This session',
  'profile.endSession': 'End the session',
  'profile.sessionEnded': 'The session was ended.',
};
