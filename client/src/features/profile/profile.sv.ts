import type { profileFi } from './profile.fi';

/** Profile page (issue 12): Swedish. */
export const profileSv: Record<keyof typeof profileFi, string> = {
  'profile.title': 'Min profil',
  'profile.passwordTitle': 'Byt lösenord',
  'profile.currentPassword': 'Nuvarande lösenord',
  'profile.newPassword': 'Nytt lösenord',
  'profile.newPasswordHint':
    'Minst 12 tecken. De vanligaste lösenorden, varianter av dem, teckenföljder (som 123456789012 eller qwertyuiop), ditt namn eller din e-postadress godkänns inte.',
  'profile.change': 'Byt lösenord',
  'profile.changing': 'Lösenordet byts',
  'profile.changed': 'Lösenordet har bytts. Dina andra sessioner avslutades.',
  'profile.wrongPassword': 'Det nuvarande lösenordet är fel.',
  'profile.tooShort': 'Lösenordet måste ha minst {min} tecken.',
  'profile.tooCommon': 'Lösenordet är för vanligt. Välj ett annat.',
  'profile.commonVariant':
    'Lösenordet är ett vanligt lösenord med siffror eller tecken tillagda i början eller slutet. Välj ett annat.',
  'profile.pattern':
    'Lösenordet är lätt att gissa: samma tecken upprepat, tecken i följd eller en tangentbordsrad. Välj ett annat.',
  'profile.personal': 'Lösenordet består av din e-postadress, ditt namn eller tjänstens namn. Välj ett annat.',
  'profile.sessionsTitle': 'Sessioner',
  'profile.sessionCreated': 'Inloggad {time}',
  'profile.sessionExpires': 'giltig till {time}',
  'profile.thisSession': 'Den här sessionen',
  'profile.endSession': 'Avsluta sessionen',
  'profile.sessionEnded': 'Sessionen avslutades.',
};
