/**
 * One short sentence per language, written for the project (the same news event in each:
 * parliament passed a budget after a long debate), with the answer the detector must give.
 */
export interface Sample {
  text: string;
  iso6393: string;
  bcp47: string;
  script: string;
}

export const PIPELINE_SAMPLES: readonly Sample[] = [
  { iso6393: 'eng', bcp47: 'en', script: 'Latn', text: 'The parliament approved the new budget after a long debate on Tuesday.' },
  { iso6393: 'deu', bcp47: 'de', script: 'Latn', text: 'Das Parlament hat am Dienstag nach langer Debatte den neuen Haushalt beschlossen.' },
  { iso6393: 'fra', bcp47: 'fr', script: 'Latn', text: 'Le parlement a adopté mardi le nouveau budget après un long débat.' },
  { iso6393: 'ita', bcp47: 'it', script: 'Latn', text: 'Il parlamento ha approvato martedì il nuovo bilancio dopo un lungo dibattito.' },
  { iso6393: 'spa', bcp47: 'es', script: 'Latn', text: 'El parlamento aprobó el martes el nuevo presupuesto tras un largo debate.' },
  { iso6393: 'tur', bcp47: 'tr', script: 'Latn', text: 'Meclis salı günü uzun bir tartışmanın ardından yeni bütçeyi kabul etti.' },
  { iso6393: 'uzn', bcp47: 'uz', script: 'Latn', text: 'Parlament seshanba kuni uzoq muhokamadan soʻng yangi byudjetni qabul qildi.' },
  { iso6393: 'rus', bcp47: 'ru', script: 'Cyrl', text: 'Парламент во вторник после долгих дебатов утвердил новый бюджет.' },
  { iso6393: 'ukr', bcp47: 'uk', script: 'Cyrl', text: 'Парламент у вівторок після тривалих дебатів ухвалив новий бюджет.' },
  { iso6393: 'kaz', bcp47: 'kk', script: 'Cyrl', text: 'Парламент сейсенбі күні ұзақ талқылаудан кейін жаңа бюджетті қабылдады.' },
  { iso6393: 'kir', bcp47: 'ky', script: 'Cyrl', text: 'Парламент шейшемби күнү узак талкуудан кийин жаңы бюджетти кабыл алды.' },
  { iso6393: 'uzn', bcp47: 'uz-Cyrl', script: 'Cyrl', text: 'Парламент сешанба куни узоқ муҳокамадан сўнг янги бюджетни қабул қилди.' },
  { iso6393: 'tgk', bcp47: 'tg', script: 'Cyrl', text: 'Парлумон рӯзи сешанбе пас аз баҳси тӯлонӣ буҷети навро қабул кард.' },
  { iso6393: 'arb', bcp47: 'ar', script: 'Arab', text: 'وافق البرلمان يوم الثلاثاء على الميزانية الجديدة بعد نقاش طويل.' },
  { iso6393: 'pes', bcp47: 'fa', script: 'Arab', text: 'مجلس روز سه‌شنبه پس از بحثی طولانی بودجه جدید را تصویب کرد.' },
  { iso6393: 'cmn', bcp47: 'zh', script: 'Hani', text: '议会在周二经过长时间辩论后通过了新的预算。' },
];

/** Scripts without a pipeline language: franc's languages for the script answer. */
export const OTHER_SCRIPT_SAMPLES: readonly Sample[] = [
  { iso6393: 'jpn', bcp47: 'ja', script: 'Jpan', text: '議会は火曜日、長い議論の末に新しい予算を承認した。' },
  { iso6393: 'kor', bcp47: 'ko', script: 'Hang', text: '의회는 화요일 긴 토론 끝에 새 예산을 승인했다.' },
  { iso6393: 'ell', bcp47: 'el', script: 'Grek', text: 'Το κοινοβούλιο ενέκρινε την Τρίτη τον νέο προϋπολογισμό μετά από μακρά συζήτηση.' },
  { iso6393: 'hin', bcp47: 'hi', script: 'Deva', text: 'संसद ने मंगलवार को लंबी बहस के बाद नया बजट पारित किया।' },
  { iso6393: 'heb', bcp47: 'he', script: 'Hebr', text: 'הפרלמנט אישר ביום שלישי את התקציב החדש לאחר דיון ארוך.' },
];
