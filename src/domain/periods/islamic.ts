import { def, type PeriodEntry } from './types.js';

const AF = ['AF', 'PK', 'TJ', 'UZ', 'TM', 'IR'];

/** The Islamic period and its dynasties (Near East, Egypt, Iran, Central and South Asia, Maghreb). */
export const ISLAMIC: PeriodEntry[] = [
  def('period', 'islamic', [622, 1900], { en: 'Islamic period', fr: 'Période islamique', es: 'Período islámico', ar: 'العصر الإسلامي', uk: 'Ісламський період', de: 'Islamische Zeit', pt: 'Período islâmico' }, ['islamic', 'islamique', 'islamico', 'islamic era', 'epoque islamique']),
  def('period', 'eg-islamic', [640, 1805], { en: 'Islamic era', fr: 'Époque islamique', ar: 'العصر الإسلامي' }, ['islamic', 'islamic period', 'islamique'], { region: ['EG'] }),
  def('period', 'ly-islamic', [643, 1551], { en: 'Islamic period', fr: 'Période islamique', ar: 'العصر الإسلامي' }, ['islamic', 'islamic era', 'islamique'], { region: ['LY'] }),
  def('period', 'af-islamic', [652, 1900], { en: 'Islamic period', fr: 'Période islamique' }, ['islamic', 'islamic era', 'islamique'], { region: AF }),
  def('dynasty', 'rashidun', [632, 661], { en: 'Rashidun caliphate', fr: 'Califat rashidun', es: 'Califato ortodoxo', ar: 'الخلافة الراشدة' }, ['rashidun']),
  def('dynasty', 'umayyad', [661, 750], { en: 'Umayyad period', fr: 'Époque omeyyade', es: 'Período omeya', ar: 'العصر الأموي', de: 'Umayyadenzeit' }, ['umayyad', 'omayyad', 'omeyyade', 'omeya', 'الأموي']),
  def('dynasty', 'abbasid', [750, 1258], { en: 'Abbasid period', fr: 'Époque abbasside', es: 'Período abasí', ar: 'العصر العباسي', de: 'Abbasidenzeit' }, ['abbasid', 'abbasside', 'abasi', 'العباسي']),
  def('dynasty', 'aghlabid', [800, 909], { en: 'Aghlabid', fr: 'Aghlabide', es: 'Aglabí', ar: 'الأغالبة' }),
  def('dynasty', 'samanid', [819, 999], { en: 'Samanid period', fr: 'Époque samanide', es: 'Período samánida', ar: 'العصر الساماني' }, ['samanid', 'samanide'], { region: AF }),
  def('dynasty', 'tulunid', [868, 905], { en: 'Tulunid', fr: 'Toulounide', es: 'Tuluní', ar: 'الطولونيون' }, [], { region: ['EG', 'SY'] }),
  def('dynasty', 'fatimid', [909, 1171], { en: 'Fatimid period', fr: 'Époque fatimide', es: 'Período fatimí', ar: 'العصر الفاطمي', de: 'Fatimidenzeit' }, ['fatimid', 'fatimide', 'fatimi', 'الفاطمي']),
  def('dynasty', 'ghaznavid', [977, 1186], { en: 'Ghaznavid period', fr: 'Époque ghaznévide', es: 'Período gaznávida', ar: 'العصر الغزنوي' }, ['ghaznavid', 'ghaznevide'], { region: AF }),
  def('dynasty', 'seljuk', [1037, 1194], { en: 'Seljuk period', fr: 'Époque seldjoukide', es: 'Período selyúcida', ar: 'العصر السلجوقي', de: 'Seldschukenzeit' }, ['seljuk', 'seljuq', 'saljuq', 'seldjoukide', 'selyucida']),
  def('dynasty', 'ghurid', [1148, 1215], { en: 'Ghurid period', fr: 'Époque ghoride', es: 'Período gúrida', ar: 'العصر الغوري' }, ['ghurid', 'ghoride'], { region: AF }),
  def('style', 'raqqa-ware', [1100, 1259], { en: 'Raqqa ware', fr: 'Céramique de Raqqa', es: 'Cerámica de Raqqa' }, [], { region: ['SY'] }),
  def('dynasty', 'ayyubid', [1171, 1260], { en: 'Ayyubid period', fr: 'Époque ayyoubide', es: 'Período ayubí', ar: 'العصر الأيوبي', de: 'Ayyubidenzeit' }, ['ayyubid', 'ayyoubide', 'ayubi', 'الأيوبي']),
  def('dynasty', 'mamluk', [1250, 1517], { en: 'Mamluk period', fr: 'Époque mamelouke', es: 'Período mameluco', ar: 'العصر المملوكي', de: 'Mamlukenzeit' }, ['mamluk', 'mameluk', 'mamelouk', 'mamelouke', 'mameluco', 'المملوكي']),
  def('dynasty', 'bahri-mamluk', [1250, 1382], { en: 'Bahri Mamluk', fr: 'Mamelouks bahrites', es: 'Mamelucos bahríes', ar: 'المماليك البحرية' }, ['mamluk bahri', 'bahri', 'bahrite']),
  def('dynasty', 'burji-mamluk', [1382, 1517], { en: 'Burji Mamluk', fr: 'Mamelouks burjites', es: 'Mamelucos burjíes', ar: 'المماليك البرجية' }, ['mamluk burji', 'burji', 'circassian mamluk']),
  def('dynasty', 'ilkhanid', [1256, 1353], { en: 'Ilkhanid period', fr: 'Époque ilkhanide', es: 'Período iljánida', ar: 'العصر الإيلخاني' }, ['ilkhanid', 'ilkhanide']),
  def('dynasty', 'nasrid', [1232, 1492], { en: 'Nasrid', fr: 'Nasride', es: 'Nazarí', ar: 'بنو نصر' }, [], { region: ['ES'] }),
  def('dynasty', 'ottoman', [1299, 1922], { en: 'Ottoman period', fr: 'Époque ottomane', es: 'Período otomano', ar: 'العصر العثماني', uk: 'Османська доба', de: 'Osmanische Zeit', pt: 'Período otomano' }, ['ottoman', 'ottomane', 'otomano', 'osmanisch', 'العثماني']),
  def('dynasty', 'eg-ottoman', [1517, 1805], { en: 'Ottoman period', fr: 'Époque ottomane', ar: 'العصر العثماني' }, ['ottoman', 'ottomane'], { region: ['EG'] }),
  def('dynasty', 'timurid', [1370, 1507], { en: 'Timurid period', fr: 'Époque timouride', es: 'Período timúrida', ar: 'العصر التيموري', de: 'Timuridenzeit' }, ['timurid', 'timouride', 'timurida']),
  def('dynasty', 'safavid', [1501, 1736], { en: 'Safavid period', fr: 'Époque safavide', es: 'Período safávida', ar: 'العصر الصفوي', de: 'Safawidenzeit' }, ['safavid', 'safavide', 'safavida', 'safawid']),
  def('dynasty', 'mughal', [1526, 1857], { en: 'Mughal period', fr: 'Époque moghole', es: 'Período mogol', ar: 'العصر المغولي الهندي', de: 'Mogulzeit' }, ['mughal', 'moghul', 'moghol', 'moghole', 'mogol']),
  def('dynasty', 'qajar', [1789, 1925], { en: 'Qajar period', fr: 'Époque qadjare', es: 'Período kayar', ar: 'العصر القاجاري', de: 'Kadscharenzeit' }, ['qajar', 'qadjar', 'qadjare', 'kajar']),
  def('dynasty', 'rajput', [1500, 1900], { en: 'Rajput', fr: 'Rajput', es: 'Rajput' }, [], { region: ['IN'] }),
];
