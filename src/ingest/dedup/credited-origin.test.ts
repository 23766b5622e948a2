import { describe, expect, it } from 'vitest';
import { detectAttributions, detectCreditedOrigin } from './credited-origin.js';

describe('detectCreditedOrigin', () => {
  it.each([
    ['en', 'North Korea fired a missile on Tuesday, according to Yonhap.', 'Yonhap', 'Yonhap'],
    ['en', 'SEOUL (AFP) - North Korea fired a missile.', 'AFP', 'AFP'],
    ['en', 'Yonhap News Agency reported that troops had moved.', 'Yonhap', 'Yonhap News Agency'],
    ['en', 'A Russian official told Reuters the deal was signed.', 'Reuters', 'Reuters'],
    [
      'en',
      'The ministry confirmed the launch, the Associated Press reported.',
      'AP',
      'the Associated Press',
    ],
    ['fr', 'Selon l’AFP, la Corée du Nord a tiré un missile.', 'AFP', 'AFP'],
    ['fr', 'Des soldats sont arrivés à Koursk, a rapporté Reuters mardi.', 'Reuters', 'Reuters'],
    ['fr', "d'après l'agence Yonhap, le tir a eu lieu à l'aube.", 'Yonhap', 'Yonhap'],
    ['ru', 'По данным ТАСС, переговоры продлятся два дня.', 'TASS', 'ТАСС'],
    ['ru', 'Визит начался в пятницу, сообщает РИА Новости.', 'RIA Novosti', 'РИА Новости'],
    ['ru', 'Об этом заявил Интерфаксу источник в МИД.', 'Interfax', 'Интерфаксу'],
    ['uk', 'За даними Укрінформу, удар було завдано вночі.', 'Ukrinform', 'Укрінформу'],
    ['ko', '연합뉴스에 따르면 북한은 미사일을 발사했다.', 'Yonhap', '연합뉴스'],
    ['ko', '러시아 국방부가 성명을 냈다고 로이터통신이 보도했다.', 'Reuters', '로이터통신'],
    ['ja', '共同通信によると、北朝鮮は弾道ミサイルを発射した。', 'Kyodo', '共同通信'],
    ['zh', '据新华社报道，条约于12月4日生效。', 'Xinhua', '新华社'],
    ['zh', '據韓聯社報導，朝鮮發射了導彈。', 'Yonhap', '韓聯社'],
    ['de', 'Laut dpa hat Nordkorea Soldaten entsandt.', 'dpa', 'dpa'],
    ['de', 'Das berichtete die Nachrichtenagentur Yonhap am Montag.', 'Yonhap', 'Yonhap'],
    ['es', 'Según EFE, Corea del Norte disparó un misil.', 'EFE', 'EFE'],
  ])('%s: %s → %s', (lang, text, name, alias) => {
    const found = detectCreditedOrigin(text, lang);
    expect(found?.name).toBe(name);
    expect(text.slice(found!.span.start, found!.span.end)).toBe(alias);
  });

  it.each([
    ['en', 'According to the NIS, North Korea has sent 1,500 special forces to Russia.'],
    ['en', 'State media reported that Kim Jong-un watched the launch.'],
    ['en', 'Syria said the strike hit a depot; the map said otherwise.'],
    ['de', 'Nordkorea hat nach Angaben der NATO mehrere tausend Soldaten entsandt.'],
    ['fr', 'Selon des diplomates occidentaux, la Russie aurait livré des composants.'],
    ['ru', 'По данным южнокорейской разведки, Москва намерена передать ПВО.'],
    ['ko', '북한이 발사했다고 조선중앙통신이 2일 보도했다.'],
    ['en', 'North Korea launched a missile, KCNA reported.'],
  ])('%s: no credited origin in %s', (lang, text) => {
    expect(detectCreditedOrigin(text, lang)).toBeNull();
  });

  it('recognises state voices as attributions that are not credited', () => {
    const found = detectAttributions('North Korea launched a missile, KCNA reported.', 'en');
    expect(found).toEqual([expect.objectContaining({ name: 'KCNA', credited: false })]);
  });

  it('tries every language when the language is unknown', () => {
    expect(detectCreditedOrigin('По данным ТАСС, визит начался.')?.name).toBe('TASS');
    expect(detectCreditedOrigin('연합뉴스에 따르면 북한은 발사했다.', null)?.name).toBe('Yonhap');
  });
});
