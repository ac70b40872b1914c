import type { profileFi } from './profile.fi';

/** Profile page (issue 12): Swedish. */
export const profileSv: Record<keyof typeof profileFi, string> = {
  'profile.title': 'Min profil',
  'profile.passwordTitle': 'Byt lösenord',
  'profile.currentPassword': 'Nuvarande lösenord',
  'profile.newPassword': 'Nytt lösenord',
  'profile.newPasswordHint': 'Minst 12 tecken. De vanligaste lösenorden godkänns inte.',
  'profile.change': 'Byt lösenord',
  'profile.changing': 'Lösenordet byts',
  'profile.changed': 'Lösenordet har bytts. Dina andra sessioner avslutades.',
  'profile.wrongPassword': 'Det nuvarande lösenordet är fel.',
  'profile.tooShort': 'Lösenordet måste ha minst 12 tecken.',
  'profile.tooCommon': 'Lösenordet är för vanligt. Välj ett annat.',
  'profile.sessionsTitle': 'Sessioner',
  'profile.sessionCreated': 'Inloggad {time}',
  'profile.sessionExpires': 'giltig till {time}',
  'profile.thisSession': 'Den här sessionen',
  'profile.endSession': 'Avsluta sessionen',
  'profile.sessionEnded': 'Sessionen avslutades.',
};
